import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);

// src/errors.ts
var HandoffError = class extends Error {
  name = "HandoffError";
};
function errorMessage(error) {
  const message = error?.message;
  if (typeof message === "string") return message;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}
var systemErrors = {
  ENOSPC: (where) => `the disk is full: no space left on the device while writing ${where}; free disk space (or point "path" at a larger disk) and run again`,
  EDQUOT: (where) => `the disk quota is exhausted while writing ${where}; free space or raise the quota, then run again`,
  ENOTDIR: (where) => `${where} cannot be used: a part of that path is a file, not a directory; point "path" at a directory (or remove the file) and run again`,
  EISDIR: (where) => `${where} is a directory where a file was expected; remove or rename it and run again`,
  EACCES: (where) => `permission denied on ${where}; give the job's user access (or choose another directory) and run again`,
  EPERM: (where) => `the operation on ${where} is not permitted; give the job's user access (or choose another directory) and run again`,
  EROFS: (where) => `${where} is on a read-only file system; point "path" at a writable directory and run again`,
  ENAMETOOLONG: (where) => `the file name ${where} is too long for the file system; use a shorter key or path and run again`,
  EMFILE: (where) => `too many open files while opening ${where}; raise the runner's open-file limit (ulimit -n) and run again`,
  ENOENT: (where) => `${where} does not exist; check the path and run again`
};
function systemErrorMessage(error) {
  const { code, path, syscall } = error ?? {};
  const describe = typeof code === "string" && !(error instanceof HandoffError) ? systemErrors[code] : void 0;
  if (describe === void 0) return void 0;
  const where = typeof path === "string" ? `"${path}"` : "a file";
  return `${describe(where)} (${code}${typeof syscall === "string" ? ` in ${syscall}` : ""})`;
}
function failureMessage(error) {
  return systemErrorMessage(error) ?? errorMessage(error);
}

export {
  HandoffError,
  errorMessage,
  failureMessage
};
