export { readNifti, type ReadNiftiOptions } from './read';
export { writeNifti, type WriteNiftiOptions } from './write';
