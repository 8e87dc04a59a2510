"""Reported speech: the that-clause or object of a speech verb, 'according to X', a content noun's clause."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.extract.actors import TITLE_WORDS, ActorIndex
from wirecoder.extract.quotes.cues import credible, noun_cue_speaker
from wirecoder.extract.quotes.found import Found, inside, overlaps
from wirecoder.extract.speakers import actor_subject_before, is_speech_verb, lexicon, resolve_phrase, subject_of
from wirecoder.settings import Settings


def clause_bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """Character bounds of a clause without its leading marker and trailing punctuation."""
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in ")]\"”’" or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def without_quoted_conjuncts(tokens: list[Token], quoted) -> list[Token]:
    """The clause without the side branches that hold quoted text: coordinated clauses ('… and
    accused Israel of “stalling”') and appended comments ('…, an accusation X rejected as
    “baseless”')."""
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ in ("conj", "appos", "npadvmod", "advcl", "parataxis") and \
                any(inside(x.idx, quoted) for x in t.subtree):
            drop.update(x.i for x in t.subtree)
            drop.update(c.i for c in t.head.children if c.dep_ in ("cc", "punct") and c.i < t.i
                        and c.i >= t.left_edge.i - 2)
    if drop:  # the marks of a dropped quote can hang elsewhere in the parse
        drop.update(t.i for t in tokens if t.is_quote and any(t.idx in (s - 1, e) for s, e in quoted))
    kept = [t for t in tokens if t.i not in drop]
    if any(inside(t.idx, quoted) for t in kept):
        return []
    return kept


def _is_name(tokens: list[Token]) -> bool:
    """A segment that is nothing but a person's name ('Azad Hassan Berwari')."""
    return any(t.ent_type_ == "PERSON" for t in tokens) and all(
        t.pos_ == "PROPN" or t.lower_ in ("al", "-", "bin", "ibn", "de") for t in tokens)


def trailing_frame(verb: Token) -> tuple[list[Token], Token] | None:
    """'CLAUSE, NP[, NAME,] said [to X / by phone].' where the parser lost the frame: the clause
    before the run of comma-separated noun phrases is the content, the person or head noun in
    that run the speaker."""
    sent = verb.sent
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None
    if any(t.pos_ == "VERB" for t in sent if t.i > verb.i):
        return None
    commas = [t for t in sent if t.text == "," and t.i < verb.i]
    if not commas:
        return None
    # walk back over the noun phrases naming the speaker ("the mayor of Amedi, Azad Berwari,")
    stop, k = verb.i, len(commas) - 1
    segments: list[list[Token]] = []
    while k >= 0:
        seg = [t for t in sent if commas[k].i < t.i < stop and not t.is_punct]
        if seg and (any(t.pos_ in ("VERB", "AUX") for t in seg) or len(seg) > 10):
            break
        if seg and segments and not (_is_name(seg) or any(
                t.lower_ in TITLE_WORDS or t.lower_ in lexicon()["source_nouns"] for t in seg)):
            break  # "…around Sake, west of Goma, a leader said": the place belongs to the clause
        if seg:
            segments.insert(0, seg)
        stop, k = commas[k].i, k - 1
    if not segments:
        return None
    content = [t for t in sent if t.i < stop]
    person = next((seg[-1] for seg in segments if _is_name(seg)), None)
    head = person or next((t for t in segments[0] if t.pos_ in ("NOUN", "PROPN")
                           and not (segments[0][0].i <= t.head.i <= segments[0][-1].i)), None)
    if head is not None and head.lemma_.lower() in lexicon()["content_nouns"]:
        return None  # "…, a claim the army denies": a verdict on the clause, not its speaker
    if head is None or len(content) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in content) \
            or sent[-1].text == ":" or sent.text.rstrip().endswith(":"):
        return None  # no clause before the frame, or a line that introduces a block quote
    return content, head


def _that_clause(c: Token) -> bool:
    """True for a clause introduced by 'that'."""
    return any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)


def _coordinated(doc: Doc, tok: Token, ccomp: Token, content: list[Token], text_all: str, quoted,
                 actors: ActorIndex, out: list[Found]) -> list[Token]:
    """'said it had delivered food …, and that insecurity was slowing …': each coordinated that-clause
    is a quote of its own; the first clause is cut before them."""
    extra = [c for c in ccomp.children if c.dep_ == "conj" and _that_clause(c)]
    if not extra:
        return content
    cut = min(x.left_edge.i for x in extra)
    content = [t for t in content if t.i < cut and not (t.dep_ == "cc" and t.head.i == ccomp.i)]
    second_speaker = subject_of(tok) or actor_subject_before(doc, tok, actors, quoted)
    for x in extra:
        b = clause_bounds(list(x.subtree))
        if b and second_speaker is not None and not overlaps(*b, quoted):
            out.append(Found(b[0], b[1], text_all[b[0]:b[1]], "indirect", anchor=tok.idx, cue=tok,
                             speaker=resolve_phrase(second_speaker, actors)))
    return content


def _frame_source(tok: Token) -> Token | None:
    """'Y told the Emir the strike was no attack on Qatar, the Diwan said': a report nested in a
    trailing frame reaches the reader through the frame's subject, the Diwan, who is its source."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.i <= tok.i or head.lemma_.lower() not in lexicon()["frame_verbs"] \
            or head.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(head)
    # "…, he said": a pronoun frame adds no source the nested speaker does not already name
    return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.i > tok.i else None


def _verb_report(doc: Doc, tok: Token, text_all: str, quoted, actors: ActorIndex,
                 out: list[Found]) -> tuple[list[Token] | None, Token | None]:
    """The content and speaker token of a speech verb: its that-clause, its object ('announced the
    arrest of …'), its sentence when it is a parenthetical frame, or a frame the parser lost."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "neg" for c in tok.children):
        return None, None
    ccomp = [c for c in tok.children if c.dep_ == "ccomp"]
    dobj = [c for c in tok.children if c.dep_ == "dobj"]
    if not ccomp and dobj:
        # "informs The Cradle that 13 were detained": parsed as a relative clause of the object
        ccomp = [c for c in dobj[0].children if c.dep_ in ("relcl", "acl") and _that_clause(c)]
    if ccomp and ccomp[0].i < tok.i and is_speech_verb(ccomp[0]) \
            and any(c.dep_ == "ccomp" for c in ccomp[0].children):
        # "X reported that …, a charge Y denies": X's report is the quote; but in "X vowed more
        # attacks, a spokesman told reporters" the vow has no clause of its own: the frame is the report
        return None, None
    content: list[Token] | None = None
    if ccomp:
        content = _coordinated(doc, tok, ccomp[0], list(ccomp[0].subtree), text_all, quoted, actors, out)
    elif dobj and lemma in lexicon()["object_content_verbs"] and dobj[0].pos_ in ("NOUN", "PROPN"):
        # "describes the operations as natural": the object is not what was said
        if not any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
            content = list(dobj[0].subtree)
    elif tok.dep_ == "parataxis" and subject_of(tok) is not None:
        content = list(tok.sent)
    # only a clause is reported through the frame: in "X vowed more attacks, a spokesman told
    # reporters" the vow's object stays X's while the frame reports the vow itself
    frame = _frame_source(tok) if ccomp else None
    speaker_tok = (frame or subject_of(tok) or actor_subject_before(doc, tok, actors, quoted)) if content else None
    if ccomp and ccomp[0].i < tok.i and content:
        # "A base was hit on Wednesday, a war monitor said, without causing casualties": the
        # report ends where its frame begins
        stop = min(tok.i, speaker_tok.left_edge.i if speaker_tok is not None else tok.i)
        content = [t for t in content if t.i < stop]
    if content is None and (not dobj or lemma in ("tell", "inform", "brief")):
        # "…, a civil society leader in the town said by phone.": the parse lost the frame
        found = trailing_frame(tok)
        if found is not None:
            content, speaker_tok = found
    return content, speaker_tok


def _according(doc: Doc, tok: Token) -> tuple[list[Token] | None, Token | None]:
    """'…, according to X': the rest of the sentence is what X reported."""
    pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None, None
    phrase_end = pobj.right_edge.i + 1
    return [t for t in tok.sent if not tok.i <= t.i < phrase_end], pobj


def _noun_report(doc: Doc, tok: Token, text_all: str, quoted, actors: ActorIndex) -> Found | None:
    """"X's assertion that …", "a warning by X that …": the clause of a content noun, its author speaking."""
    clause = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and _that_clause(c)]
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if not clause and nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark":
        clause = [nxt.head]  # "X's assertion that ..." parsed as a clause of the main verb
    if not clause:
        return None
    sp = noun_cue_speaker(tok, actors)
    if sp is None or not (sp.name or sp.pronoun):
        return None
    bounds = clause_bounds(list(clause[0].subtree))
    if not bounds or overlaps(*bounds, quoted):
        return None
    return Found(bounds[0], bounds[1], text_all[bounds[0]:bounds[1]], "indirect", anchor=tok.idx, cue=tok, speaker=sp)


def _without_verdict(content: list[Token]) -> list[Token]:
    """'rebels shelled the town, a claim the rebels deny': the appended verdict is not what was said."""
    nouns = lexicon()["content_nouns"]
    for k, t in enumerate(content[1:], 1):
        if t.lemma_.lower() in nouns and t.dep_ in ("appos", "npadvmod", "dep", "attr") and t.head.i < t.i:
            comma = next((c for c in reversed(content[:k]) if c.text == ","), None)
            if comma is not None and all(x.pos_ in ("DET", "ADJ") for x in content if comma.i < x.i < t.i):
                return [x for x in content if x.i < comma.i]
    return content


def _report(text_all: str, content: list[Token], speaker_tok: Token, cue: Token, quoted, actors: ActorIndex,
            settings: Settings) -> Found | None:
    """The quote of a reported clause, when it is long enough, clear of direct quotes and its speaker credible."""
    bounds = clause_bounds(_without_verdict(content))
    if bounds is not None and overlaps(*bounds, quoted):
        # "said any deal must include X and accused Israel of “stalling”": keep the part
        # before the coordinated branch that holds the quote
        content = without_quoted_conjuncts(content, quoted)
        bounds = clause_bounds(content) if content else None
    if bounds is None or overlaps(*bounds, quoted):
        return None
    if len(text_all[bounds[0]:bounds[1]].split()) < settings.indirect_min_words:
        return None
    speaker = resolve_phrase(speaker_tok, actors)
    if not credible(speaker, speaker_tok):
        return None
    return Found(bounds[0], bounds[1], text_all[bounds[0]:bounds[1]], "indirect", anchor=cue.idx,
                 cue=cue, speaker=speaker)


def _one_per_clause(out: list[Found]) -> list[Found]:
    """One reported clause, one quote: a clause found twice (by its verb and by 'according to')
    stays once; a report nested in another with its own cue ('said that … saying …') stays.
    "Investigators believe X, according to a source": the named source is who reports it."""
    out.sort(key=lambda f: (f.start, -(f.end - f.start), f.cue is None or f.cue.lower_ != "according"))
    kept: list[Found] = []
    for f in out:
        if any(k.start <= f.start and f.end <= k.end and (k.cue is not None and f.cue is not None
                                                          and k.cue.i == f.cue.i or k.start == f.start)
               for k in kept):
            continue
        kept.append(f)
    return kept


def indirect_quotes(doc: Doc, text_all: str, quoted, actors: ActorIndex, settings: Settings) -> list[Found]:
    """Reported clauses of speech verbs, 'according to' and content nouns, one quote per clause."""
    lex = lexicon()
    out: list[Found] = []
    for tok in doc:
        if inside(tok.idx, quoted):
            continue
        lemma = tok.lemma_.lower()
        if tok.pos_ in ("VERB", "AUX") and lemma in lex["indirect_verbs"]:
            content, speaker_tok = _verb_report(doc, tok, text_all, quoted, actors, out)
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            content, speaker_tok = _according(doc, tok)
        elif tok.pos_ == "NOUN" and lemma in lex["content_nouns"]:
            found = _noun_report(doc, tok, text_all, quoted, actors)
            if found is not None:
                out.append(found)
            continue
        else:
            continue
        if not content or speaker_tok is None or inside(speaker_tok.idx, quoted):
            continue
        found = _report(text_all, content, speaker_tok, tok, quoted, actors, settings)
        if found is not None:
            out.append(found)
    return _one_per_clause(out)
