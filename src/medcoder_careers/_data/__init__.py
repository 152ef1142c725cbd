"""The packaged data files and how they are read.

- `reads`: safe reads of a data file (regular files only, bounded);
- `manifest`: what a directory holds, its manifest, every release's digest;
- `codec`: the one cattrs converter of the data format;
- `strict`: the strict reader, every check (`load`);
- `trusted`: the direct reader of the packaged files (`catalog`);
- `table`: a statistical table file (SQLite), rows read late;
- `store`: `Store`, a directory's files each read at most once, and `Lazy`.
"""
