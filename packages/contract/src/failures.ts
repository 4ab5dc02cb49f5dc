import { z } from 'zod';

// Stable short codes for everything that can go wrong with a document, and the sentence a
// patient reads for each. The API shows both; code is for programs, reason is for people.
export const FAILURE_REASONS = {
  empty_file: 'The file is empty.',
  unsupported_type:
    'This kind of file is not supported. Please upload a PDF, a photo or scan (JPEG, PNG, TIFF) or a text file.',
  file_too_large: 'The file is larger than the upload limit.',
  corrupt_file: 'The file is damaged and could not be opened. Please upload it again or try another copy.',
  encrypted_pdf: 'The PDF is password-protected. Please upload a copy without a password.',
  too_many_pages: 'The document has more pages than we can read in one upload.',
  no_pages: 'The document has no pages.',
  image_too_large: 'The image is too large (too many pixels) to read safely.',
  read_timeout: 'Reading the document took too long. Please try a clearer or shorter copy.',
  no_text_found: 'No readable text was found in the document.',
  internal_error: 'Something went wrong on our side while reading the document. We will retry it.',
} as const;

export const FailureCodeSchema = z.enum(Object.keys(FAILURE_REASONS) as [keyof typeof FAILURE_REASONS]);
export type FailureCode = z.infer<typeof FailureCodeSchema>;
