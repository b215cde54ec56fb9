import { createRequire as __createRequire } from 'node:module'; import { fileURLToPath as __fileURLToPath } from 'node:url'; import { dirname as __pathDirname } from 'node:path'; const require = __createRequire(import.meta.url); const __ih_filename = __fileURLToPath(import.meta.url); const __ih_dirname = __pathDirname(__ih_filename);
import {
  __commonJS,
  __require
} from "./chunk-DGQ6QHC6.js";

// required-builtin:node:http
var require_node_http = __commonJS({
  "required-builtin:node:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

// required-builtin:node:https
var require_node_https = __commonJS({
  "required-builtin:node:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

export {
  require_node_http,
  require_node_https
};
