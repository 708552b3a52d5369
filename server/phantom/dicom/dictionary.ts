/**
 * The DICOM attributes this writer uses: keyword → [tag, VR], taken from the standard's
 * data dictionary (PS3.6). Pixel Data's VR depends on Bits Allocated ('ox').
 */

export type Vr =
  | 'AE'
  | 'AS'
  | 'AT'
  | 'CS'
  | 'DA'
  | 'DS'
  | 'DT'
  | 'FD'
  | 'FL'
  | 'IS'
  | 'LO'
  | 'LT'
  | 'OB'
  | 'OD'
  | 'OF'
  | 'OL'
  | 'OV'
  | 'OW'
  | 'PN'
  | 'SH'
  | 'SL'
  | 'SQ'
  | 'SS'
  | 'ST'
  | 'SV'
  | 'TM'
  | 'UC'
  | 'UI'
  | 'UL'
  | 'UN'
  | 'UR'
  | 'US'
  | 'UT'
  | 'UV';

export const DICTIONARY: Record<string, readonly [number, Vr | 'ox']> = {
  AccessionNumber: [0x00080050, 'SH'],
  AcquisitionDate: [0x00080022, 'DA'],
  AcquisitionNumber: [0x00200012, 'IS'],
  AcquisitionTime: [0x00080032, 'TM'],
  ActualFrameDuration: [0x00181242, 'IS'],
  AnatomicRegionSequence: [0x00082218, 'SQ'],
  AttenuationCorrectionMethod: [0x00541101, 'LO'],
  BitsAllocated: [0x00280100, 'US'],
  BitsStored: [0x00280101, 'US'],
  BodyPartExamined: [0x00180015, 'CS'],
  CodeMeaning: [0x00080104, 'LO'],
  CodeValue: [0x00080100, 'SH'],
  CodingSchemeDesignator: [0x00080102, 'SH'],
  CollimatorType: [0x00181181, 'CS'],
  Columns: [0x00280011, 'US'],
  ContentCreatorName: [0x00700084, 'PN'],
  ContentDate: [0x00080023, 'DA'],
  ContentDescription: [0x00700081, 'LO'],
  ContentLabel: [0x00700080, 'CS'],
  ContentTime: [0x00080033, 'TM'],
  ContrastBolusAgent: [0x00180010, 'LO'],
  ContrastBolusRoute: [0x00181040, 'LO'],
  ContrastBolusStartTime: [0x00181042, 'TM'],
  ContrastBolusVolume: [0x00181041, 'DS'],
  ConvolutionKernel: [0x00181210, 'SH'],
  CorrectedImage: [0x00280051, 'CS'],
  CountsSource: [0x00541002, 'CS'],
  DecayCorrection: [0x00541102, 'CS'],
  DecayFactor: [0x00541321, 'DS'],
  DerivationCodeSequence: [0x00089215, 'SQ'],
  DerivationImageSequence: [0x00089124, 'SQ'],
  DeviceSerialNumber: [0x00181000, 'LO'],
  DimensionDescriptionLabel: [0x00209421, 'LO'],
  DimensionIndexPointer: [0x00209165, 'AT'],
  DimensionIndexSequence: [0x00209222, 'SQ'],
  DimensionIndexValues: [0x00209157, 'UL'],
  DimensionOrganizationSequence: [0x00209221, 'SQ'],
  DimensionOrganizationUID: [0x00209164, 'UI'],
  EchoTime: [0x00180081, 'DS'],
  EchoTrainLength: [0x00180091, 'IS'],
  EquivalentCodeSequence: [0x00080121, 'SQ'],
  FileMetaInformationGroupLength: [0x00020000, 'UL'],
  FileMetaInformationVersion: [0x00020001, 'OB'],
  FrameContentSequence: [0x00209111, 'SQ'],
  FrameOfReferenceUID: [0x00200052, 'UI'],
  FrameReferenceTime: [0x00541300, 'DS'],
  FunctionalGroupPointer: [0x00209167, 'AT'],
  HighBit: [0x00280102, 'US'],
  ImageComments: [0x00204000, 'LT'],
  ImageIndex: [0x00541330, 'US'],
  ImageOrientationPatient: [0x00200037, 'DS'],
  ImagePositionPatient: [0x00200032, 'DS'],
  ImageType: [0x00080008, 'CS'],
  ImplementationClassUID: [0x00020012, 'UI'],
  ImplementationVersionName: [0x00020013, 'SH'],
  InstanceNumber: [0x00200013, 'IS'],
  InstitutionName: [0x00080080, 'LO'],
  KVP: [0x00180060, 'DS'],
  LossyImageCompression: [0x00282110, 'CS'],
  MRAcquisitionType: [0x00180023, 'CS'],
  MagneticFieldStrength: [0x00180087, 'DS'],
  Manufacturer: [0x00080070, 'LO'],
  ManufacturerModelName: [0x00081090, 'LO'],
  MediaStorageSOPClassUID: [0x00020002, 'UI'],
  MediaStorageSOPInstanceUID: [0x00020003, 'UI'],
  Modality: [0x00080060, 'CS'],
  NumberOfFrames: [0x00280008, 'IS'],
  NumberOfSlices: [0x00540081, 'US'],
  PatientAge: [0x00101010, 'AS'],
  PatientBirthDate: [0x00100030, 'DA'],
  PatientGantryRelationshipCodeSequence: [0x00540414, 'SQ'],
  PatientID: [0x00100020, 'LO'],
  PatientName: [0x00100010, 'PN'],
  PatientOrientationCodeSequence: [0x00540410, 'SQ'],
  PatientPosition: [0x00185100, 'CS'],
  PatientSex: [0x00100040, 'CS'],
  PatientSize: [0x00101020, 'DS'],
  PatientWeight: [0x00101030, 'DS'],
  PerFrameFunctionalGroupsSequence: [0x52009230, 'SQ'],
  PhotometricInterpretation: [0x00280004, 'CS'],
  PixelData: [0x7fe00010, 'ox'],
  PixelMeasuresSequence: [0x00289110, 'SQ'],
  PixelRepresentation: [0x00280103, 'US'],
  PixelSpacing: [0x00280030, 'DS'],
  PlaneOrientationSequence: [0x00209116, 'SQ'],
  PlanePositionSequence: [0x00209113, 'SQ'],
  PositionReferenceIndicator: [0x00201040, 'LO'],
  PurposeOfReferenceCodeSequence: [0x0040a170, 'SQ'],
  RadionuclideCodeSequence: [0x00540300, 'SQ'],
  RadionuclideHalfLife: [0x00181075, 'DS'],
  RadionuclidePositronFraction: [0x00181076, 'DS'],
  RadionuclideTotalDose: [0x00181074, 'DS'],
  Radiopharmaceutical: [0x00180031, 'LO'],
  RadiopharmaceuticalCodeSequence: [0x00540304, 'SQ'],
  RadiopharmaceuticalInformationSequence: [0x00540016, 'SQ'],
  RadiopharmaceuticalStartDateTime: [0x00181078, 'DT'],
  RadiopharmaceuticalStartTime: [0x00181072, 'TM'],
  RandomsCorrectionMethod: [0x00541100, 'CS'],
  ReconstructionMethod: [0x00541103, 'LO'],
  ReferencedInstanceSequence: [0x0008114a, 'SQ'],
  ReferencedSOPClassUID: [0x00081150, 'UI'],
  ReferencedSOPInstanceUID: [0x00081155, 'UI'],
  ReferencedSegmentNumber: [0x0062000b, 'US'],
  ReferencedSeriesSequence: [0x00081115, 'SQ'],
  ReferringPhysicianName: [0x00080090, 'PN'],
  RepetitionTime: [0x00180080, 'DS'],
  RescaleIntercept: [0x00281052, 'DS'],
  RescaleSlope: [0x00281053, 'DS'],
  RescaleType: [0x00281054, 'LO'],
  Rows: [0x00280010, 'US'],
  SOPClassUID: [0x00080016, 'UI'],
  SOPInstanceUID: [0x00080018, 'UI'],
  SamplesPerPixel: [0x00280002, 'US'],
  ScanOptions: [0x00180022, 'CS'],
  ScanningSequence: [0x00180020, 'CS'],
  SegmentAlgorithmType: [0x00620008, 'CS'],
  SegmentIdentificationSequence: [0x0062000a, 'SQ'],
  SegmentLabel: [0x00620005, 'LO'],
  SegmentNumber: [0x00620004, 'US'],
  SegmentSequence: [0x00620002, 'SQ'],
  SegmentationType: [0x00620001, 'CS'],
  SegmentedPropertyCategoryCodeSequence: [0x00620003, 'SQ'],
  SegmentedPropertyTypeCodeSequence: [0x0062000f, 'SQ'],
  SequenceVariant: [0x00180021, 'CS'],
  SeriesDate: [0x00080021, 'DA'],
  SeriesDescription: [0x0008103e, 'LO'],
  SeriesInstanceUID: [0x0020000e, 'UI'],
  SeriesNumber: [0x00200011, 'IS'],
  SeriesTime: [0x00080031, 'TM'],
  SeriesType: [0x00541000, 'CS'],
  SharedFunctionalGroupsSequence: [0x52009229, 'SQ'],
  SliceLocation: [0x00201041, 'DS'],
  SliceSensitivityFactor: [0x00541320, 'DS'],
  SliceThickness: [0x00180050, 'DS'],
  SoftwareVersions: [0x00181020, 'LO'],
  SourceImageSequence: [0x00082112, 'SQ'],
  SpacingBetweenSlices: [0x00180088, 'DS'],
  SpecificCharacterSet: [0x00080005, 'CS'],
  StudyDate: [0x00080020, 'DA'],
  StudyDescription: [0x00081030, 'LO'],
  StudyID: [0x00200010, 'SH'],
  StudyInstanceUID: [0x0020000d, 'UI'],
  StudyTime: [0x00080030, 'TM'],
  TransferSyntaxUID: [0x00020010, 'UI'],
  Units: [0x00541001, 'CS'],
  WindowCenter: [0x00281050, 'DS'],
  WindowWidth: [0x00281051, 'DS'],
};
