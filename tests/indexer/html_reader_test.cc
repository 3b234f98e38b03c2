// Placeholder: the reader tests are being written.
