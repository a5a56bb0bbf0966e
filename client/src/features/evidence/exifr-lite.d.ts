// exifr's lite build has the same API as the full one (fewer file formats); it ships no types of its own.
declare module 'exifr/dist/lite.esm.mjs' {
  import exifr from 'exifr';
  export default exifr;
}
