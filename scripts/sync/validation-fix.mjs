// Loaded into pouchdb-server only (node --import), never into the app. pouchdb-validation
// 4.2.0 (pouchdb-server's validate_doc_update) sets every incoming document's `_revisions`
// to the stored document's before validating. A replicator writes with new_edits=false and
// names the new revision's ancestry in `_revisions`; overwritten, an edit of an existing
// document is answered 201 and silently not stored (seen: two devices' offline edits, one
// lost; reproduced with one _bulk_docs request). Apache CouchDB 3.x does not do this. The
// fix keeps the ancestry the writer sent, as CouchDB does.
import Module from 'node:module';
import path from 'node:path';

const TARGET = path.join('pouchdb-validation', 'lib', 'index.js');
const BUG = 'newDoc._revisions = (oldDoc || {})._revisions;';
const FIXED = 'newDoc._revisions = newDoc._revisions || (oldDoc || {})._revisions;';

const compile = Module.prototype._compile;
Module.prototype._compile = function (source, filename) {
  if (filename.endsWith(TARGET)) {
    if (!source.includes(BUG))
      throw new Error(`${filename} changed: check scripts/sync/validation-fix.cjs still applies`);
    return compile.call(this, source.replace(BUG, FIXED), filename);
  }
  return compile.call(this, source, filename);
};
