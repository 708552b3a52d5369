export { readNrrd, type ReadNrrdOptions } from './read';
export { writeNrrd, type WriteNrrdOptions } from './write';
