"""The PII scanner: files -> segments -> recognizers -> masked findings (PiiResults).

walk.py (which files, encodings, parts of big files) -> readers.py (formats -> segments with
positions; markup.py for HTML and XML) ->
patterns.py (the recognizer catalog in recognizers/catalog.py, no NLP) and, in the default
mode, analyzer.py (Presidio + spaCy + jieba for names and places) -> mask.py (excerpts) ->
api.py (scan_paths / scan_datasets, sampling, process pool) -> command.py (`auditor scan`).
"""
