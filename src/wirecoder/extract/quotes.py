"""Quotes: direct passages in any quotation-mark style and reported (indirect) speech, each with
its speaker resolved to a canonical actor, its cue word and its character offsets.

Direct passages come from quote_marks; each is attributed by the speech cue that governs it in
the parse, a cue after it ('…,' he explains), the line that introduces a block quote ('…
stating:'), the quote before it (a block quote continued), or the nearest person in the
sentence. Reported speech is the that-clause or object of a speech verb, 'according to X', or
the that-clause of a content noun ('Baghdad's assertion that …'). Pronoun speakers resolve to
a person named earlier in the sentence, else the last speaker."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from wirecoder.extract.actors import TITLE_WORDS, ActorIndex
from wirecoder.extract.quote_marks import Passage, content_text, find_passages
from wirecoder.extract.speakers import (Speaker, actor_subject_before, is_speech_verb, lexicon, person_before,
                                        resolve_phrase, subject_of, told_to)
from wirecoder.nlp.components import paragraph_bounds
from wirecoder.records import Quote
from wirecoder.settings import DEFAULT, Settings
from wirecoder.nlp.spans import doc_text


_DASH_SOURCE = re.compile(r"[ \t]*[―—–-]{1,2}[ \t]*([A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){0,3})")


@dataclass
class _Found:
    start: int
    end: int
    text: str
    kind: str
    anchor: int  # where the attribution is read, for pronoun order
    cue: Token | None = None
    speaker: Speaker | None = None
    inherit: bool = False  # a block quote continuing the previous quote's speaker


def _inside(pos: int, regions: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in regions)


def _overlaps(a: int, b: int, regions: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for s, e in regions)


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _noun_cue_speaker(noun: Token, actors: ActorIndex) -> Speaker | None:
    """Speaker of a content noun: 'Baghdad's assertion', 'a statement by X', 'X issued a statement'."""
    for child in noun.children:
        if child.dep_ == "poss":
            return resolve_phrase(child, actors)
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return resolve_phrase(g, actors)
    if noun.dep_ in ("dobj",) and noun.head.pos_ == "VERB":
        subj = subject_of(noun.head)
        if subj is not None:
            return resolve_phrase(subj, actors)
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("VERB", "NOUN"):
        head = noun.head.head
        if head.lemma_.lower() in lexicon()["content_nouns"]:
            return _noun_cue_speaker(head, actors)
    return None


def _frames(outer: Token, inner: Token) -> bool:
    """True when `inner` sits in the reported clause of `outer` (its ccomp), not in a clause
    coordinated with it or hanging from its subject."""
    tok = inner  # (spaCy makes a new Token object on every access: compare positions)
    while tok.head.i != outer.i and tok.head.i != tok.i:
        if tok.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            return False  # "…, a move X described as “provocation”": X's own words
        tok = tok.head
    return tok.head.i == outer.i and tok.dep_ in ("ccomp", "parataxis")


def _climb_to_cue(span: Span) -> Token | None:
    """The speech verb or content noun that governs a quoted span in the parse.

    A content noun counts when the quote hangs from it as a clause ('the warning that …'); a
    quote reached through 'as' ('dismissed the remarks as “empty talk”') is the verdict of the
    verb above, whose subject speaks."""
    lex = lexicon()
    roots = [t for t in span if t.head.i < span.start or t.head.i >= span.end]
    for root in roots:
        tok, child, steps, via_as = root.head, root, 0, root.lower_ == "as"
        while steps < 8 and not (span.start <= tok.i < span.end):
            if tok.lower_ == "as" and tok.dep_ == "prep":
                via_as = True
            if is_speech_verb(tok):
                # "X promised to send officers “soon”, the presidency said": the outer frame speaks
                outer = [a for a in tok.ancestors if is_speech_verb(a) and _frames(a, tok)]
                return outer[-1] if outer else tok
            if via_as and tok.pos_ == "VERB":
                return tok
            if tok.lemma_.lower() in lex["content_nouns"] and tok.pos_ == "NOUN" and not via_as:
                return tok
            if tok.head.i == tok.i:
                break
            tok, child, steps = tok.head, tok, steps + 1
    return None


def _cue_in(tokens, quoted: list[tuple[int, int]], prefer_last: bool = False) -> Token | None:
    cands = [t for t in tokens if is_speech_verb(t) and not _inside(t.idx, quoted)]
    # "he emphasized that his government would continue": the outer verb is the cue
    cands = [t for t in cands if not any(o is not t and t in o.subtree and t.dep_ in ("ccomp", "xcomp")
                                         for o in cands)] or cands
    if not cands:
        return None
    return cands[-1] if prefer_last else cands[0]


def _is_speech_like(text: str) -> bool:
    """Quoted words that can be speech: not a URL, handle or number, not a title in capitals
    ('Fox News Sunday', 'Larry King Now')."""
    words = text.split()
    if not re.search(r"[^\W\d_]{2,}", text):
        return False
    if len(words) == 1 and re.search(r"[/@#]|\.\w", text):
        return False
    bare = [w.strip(".,;:!?()[]") for w in words]
    if 2 <= len(bare) <= 6 and all(w[:1].isupper() for w in bare if w) and not re.search(r"[!?]", text) \
            and not any(w.lower() in ("i", "we", "you") for w in bare):
        return False
    return True


def _direct(doc: Doc, text_all: str, p: Passage, passages: list[Passage], quoted, paras, actors: ActorIndex) -> _Found | None:
    text = content_text(text_all, p)
    if not _is_speech_like(text):
        return None
    raw = text_all[p.start:p.end]
    lead = len(raw) - len(raw.lstrip())
    start, end = p.start + lead, p.start + len(raw.rstrip())
    if not text or end <= start:
        return None
    span = _span(doc, start, end)
    if span is None or len(span) == 0:
        return None
    found = _Found(start, end, text, "direct", anchor=start)
    para_lo, para_hi = paras[p.first_para]
    block = start - para_lo <= 2
    first_sent = doc[span.start].sent
    last_sent = doc[span.end - 1].sent

    cue = _climb_to_cue(span)
    if cue is None:
        # a cue after the passage in its own sentence or the sentence right after it: '…,' he explains.
        after = [t for t in last_sent if t.idx >= end]
        if not after and last_sent.end < len(doc):
            nxt = doc[last_sent.end].sent
            if nxt.start_char - end <= 3 and doc[nxt.start]._.wc_paragraph == doc[span.end - 1]._.wc_paragraph:
                after = list(nxt)[:6]
        cue = _cue_in(after[:14], quoted)
    if cue is None and not block:
        before = [t for t in first_sent if t.idx < start]
        cue = _cue_in(before, quoted, prefer_last=True)
    if cue is None:
        dash = _DASH_SOURCE.match(text_all, end + (1 if p.closed else 0))
        if dash:  # “…” ― Pamela Padilla
            name = dash.group(1)
            found.speaker = Speaker(actors.canonical(name) or name, name, person=True, start=dash.start(1))
            return found
    if cue is None and block and p.first_para > 0:
        prev_lo, prev_hi = paras[p.first_para - 1]
        prev_passage = next((q for q in passages if q.last_para == p.first_para - 1 and q.end >= prev_hi - 2), None)
        intro = text_all[prev_lo:prev_hi].rstrip()
        if intro.endswith(":"):
            intro_span = _span(doc, prev_lo, prev_hi)
            if intro_span is not None:
                last = doc[intro_span.end - 1].sent
                cue = _cue_in(list(last), quoted, prefer_last=True)
                if cue is None:
                    nouns = [t for t in last if t.lemma_.lower() in lexicon()["content_nouns"]]
                    if nouns:
                        found.speaker = _noun_cue_speaker(nouns[-1], actors)
                        found.anchor = nouns[-1].idx
                if cue is None and found.speaker is None:
                    subj = next((t for t in last if t.dep_ in ("nsubj", "nsubjpass")), None)
                    if subj is not None:
                        found.speaker = resolve_phrase(subj, actors)
                        found.anchor = subj.idx
        elif prev_passage is not None:
            found.inherit = True
    if cue is None and found.speaker is None and not found.inherit:
        if any(q.last_para == p.first_para and q.end <= p.start for q in passages):
            found.inherit = True  # “…,” Graham said. “…”: the second passage is the same speaker's
    if cue is not None:
        found.cue = cue
        found.anchor = cue.idx
        if cue.pos_ == "NOUN":
            found.speaker = _noun_cue_speaker(cue, actors)
        else:
            subj = subject_of(cue) or _between_subject(doc, end, cue) \
                or actor_subject_before(doc, cue, actors, quoted)
            if subj is not None and not _inside(subj.idx, quoted):
                found.speaker = resolve_phrase(subj, actors)
                if not _credible(found.speaker, subj):
                    # "said any deal must include … and accused Israel of “stalling”": the parse hung
                    # the quote on a clause whose subject cannot speak; the next speech verb up can
                    upper = next((t for t in cue.ancestors if is_speech_verb(t)), None)
                    subj = subject_of(upper) if upper is not None else None
                    found.speaker = resolve_phrase(subj, actors) if subj is not None else None
    if found.speaker is None and not found.inherit:
        # "According to the sources, X will address “the options…”": the sentence's source speaks
        acc = next((t for t in first_sent if t.lower_ == "according" and t.i + 1 < len(doc)
                    and doc[t.i + 1].lower_ == "to"), None)
        pobj = next((c for c in doc[acc.i + 1].children if c.dep_ == "pobj"), None) if acc is not None else None
        if pobj is not None:
            found.speaker = resolve_phrase(pobj, actors)
            found.cue, found.anchor = acc, acc.idx
    if found.speaker is None and not found.inherit:
        name = person_before(doc, first_sent, start, actors, quoted)
        if name:
            found.speaker = Speaker(name, name, person=True)
    return found


def _between_subject(doc: Doc, quote_end: int, cue: Token) -> Token | None:
    """'“…,” a resident reached by phone said': the noun phrase between the quote and its cue,
    when the parser gave the cue no subject."""
    span = [t for t in doc[max(cue.i - 12, 0):cue.i] if t.idx >= quote_end and not t.is_punct]
    if not span or any(t.pos_ in ("AUX",) or t.dep_ == "ROOT" for t in span):
        return None
    lo, hi = span[0].i, span[-1].i
    heads = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not lo <= t.head.i <= hi]
    return heads[0] if heads else None


def _clause_bounds(tokens: list[Token]) -> tuple[int, int] | None:
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in ")]\"”’" or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _without_quoted_conjuncts(tokens: list[Token], quoted) -> list[Token]:
    """The clause without the side branches that hold quoted text: coordinated clauses ('… and
    accused Israel of “stalling”') and appended comments ('…, an accusation X rejected as
    “baseless”')."""
    drop: set[int] = set()
    for t in tokens:
        if t.dep_ in ("conj", "appos", "npadvmod", "advcl", "parataxis") and \
                any(_inside(x.idx, quoted) for x in t.subtree):
            drop.update(x.i for x in t.subtree)
            drop.update(c.i for c in t.head.children if c.dep_ in ("cc", "punct") and c.i < t.i
                        and c.i >= t.left_edge.i - 2)
    if drop:  # the marks of a dropped quote can hang elsewhere in the parse
        drop.update(t.i for t in tokens if t.is_quote and any(t.idx in (s - 1, e) for s, e in quoted))
    kept = [t for t in tokens if t.i not in drop]
    if any(_inside(t.idx, quoted) for t in kept):
        return []
    return kept


def _is_name(tokens: list[Token]) -> bool:
    """A segment that is nothing but a person's name ('Azad Hassan Berwari')."""
    return any(t.ent_type_ == "PERSON" for t in tokens) and all(
        t.pos_ == "PROPN" or t.lower_ in ("al", "-", "bin", "ibn", "de") for t in tokens)


def _trailing_frame(verb: Token) -> tuple[list[Token], Token] | None:
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
    if head is None or len(content) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in content) \
            or sent[-1].text == ":" or sent.text.rstrip().endswith(":"):
        return None  # no clause before the frame, or a line that introduces a block quote
    return content, head


def _credible(speaker: Speaker, tok: Token) -> bool:
    """Only people, named actors, sources and bodies that speak report speech ('recent events
    suggest' is not a quote)."""
    if speaker.pronoun or speaker.anonymous or speaker.person:
        return True
    if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    return tok.lemma_.lower() not in lexicon()["non_speakers"] and tok.lower_ not in lexicon()["non_speakers"]


def _indirect(doc: Doc, text_all: str, quoted, actors: ActorIndex, settings: Settings) -> list[_Found]:
    lex = lexicon()
    out: list[_Found] = []
    for tok in doc:
        if _inside(tok.idx, quoted):
            continue
        lemma = tok.lemma_.lower()
        content: list[Token] | None = None
        cue = tok
        speaker_tok = None
        if tok.pos_ in ("VERB", "AUX") and lemma in lex["indirect_verbs"]:
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            ccomp = [c for c in tok.children if c.dep_ == "ccomp"]
            dobj = [c for c in tok.children if c.dep_ == "dobj"]
            if not ccomp and dobj:
                # "informs The Cradle that 13 were detained": parsed as a relative clause of the object
                ccomp = [c for c in dobj[0].children if c.dep_ in ("relcl", "acl")
                         and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
            if ccomp and ccomp[0].i < tok.i and is_speech_verb(ccomp[0]):
                continue  # "X reported that …, a charge Y denies": X's report is the quote
            if ccomp:
                content = list(ccomp[0].subtree)
                extra = [c for c in ccomp[0].children if c.dep_ == "conj"
                         and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
                if extra:  # "said it had delivered food …, and that insecurity was slowing …"
                    cut = min(x.left_edge.i for x in extra)
                    content = [t for t in content if t.i < cut and not (t.dep_ == "cc" and t.head.i == ccomp[0].i)]
                    second_speaker = subject_of(tok) or actor_subject_before(doc, tok, actors, quoted)
                    for x in extra:
                        b = _clause_bounds(list(x.subtree))
                        if b and second_speaker is not None and not _overlaps(*b, quoted):
                            out.append(_Found(b[0], b[1], text_all[b[0]:b[1]], "indirect", anchor=tok.idx, cue=tok,
                                              speaker=resolve_phrase(second_speaker, actors)))
            elif dobj and lemma in lex["object_content_verbs"] and dobj[0].pos_ in ("NOUN", "PROPN"):
                content = list(dobj[0].subtree)
                # "describes the operations as natural": the object is not what was said
                if any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children):
                    content = None
            elif tok.dep_ == "parataxis" and subject_of(tok) is not None:
                sent = tok.sent
                content = [t for t in sent]
            speaker_tok = (subject_of(tok) or actor_subject_before(doc, tok, actors, quoted)) if content else None
            if ccomp and ccomp[0].i < tok.i and content:
                # "A base was hit on Wednesday, a war monitor said, without causing casualties": the
                # report ends where its frame begins
                stop = min(tok.i, speaker_tok.left_edge.i if speaker_tok is not None else tok.i)
                content = [t for t in content if t.i < stop]
            if content is None and (not dobj or lemma in ("tell", "inform", "brief")):
                # "…, a civil society leader in the town said by phone.": the parse lost the frame
                found = _trailing_frame(tok)
                if found is not None:
                    content, speaker_tok = found
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            pobj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                sent = tok.sent
                phrase_end = pobj.right_edge.i + 1
                content = [t for t in sent if not tok.i <= t.i < phrase_end]
                speaker_tok = pobj
        elif tok.pos_ == "NOUN" and lemma in lex["content_nouns"]:
            clause = [c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if not clause and nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark":
                clause = [nxt.head]  # "X's assertion that ..." parsed as a clause of the main verb
            if clause:
                sp = _noun_cue_speaker(tok, actors)
                if sp is not None and (sp.name or sp.pronoun):
                    bounds = _clause_bounds(list(clause[0].subtree))
                    if bounds and not _overlaps(*bounds, quoted):
                        out.append(_Found(bounds[0], bounds[1], text_all[bounds[0]:bounds[1]], "indirect",
                                          anchor=tok.idx, cue=tok, speaker=sp))
            continue
        if not content or speaker_tok is None or _inside(speaker_tok.idx, quoted):
            continue
        bounds = _clause_bounds(content)
        if bounds is not None and _overlaps(*bounds, quoted):
            # "said any deal must include X and accused Israel of “stalling”": keep the part
            # before the coordinated branch that holds the quote
            content = _without_quoted_conjuncts(content, quoted)
            bounds = _clause_bounds(content) if content else None
        if bounds is None or _overlaps(*bounds, quoted):
            continue
        words = text_all[bounds[0]:bounds[1]].split()
        if len(words) < settings.indirect_min_words:
            continue
        speaker = resolve_phrase(speaker_tok, actors)
        if not _credible(speaker, speaker_tok):
            continue
        out.append(_Found(bounds[0], bounds[1], text_all[bounds[0]:bounds[1]], "indirect", anchor=cue.idx,
                          cue=cue, speaker=speaker))
    # one reported clause, one quote: a clause found twice (by its verb and by 'according to')
    # stays once; a report nested in another with its own cue ('said that … saying …') stays
    # "Investigators believe X, according to a source": the named source is who reports it
    out.sort(key=lambda f: (f.start, -(f.end - f.start), f.cue is None or f.cue.lower_ != "according"))
    kept: list[_Found] = []
    for f in out:
        if any(k.start <= f.start and f.end <= k.end and (k.cue is not None and f.cue is not None and k.cue.i == f.cue.i or k.start == f.start) for k in kept):
            continue
        kept.append(f)
    return kept


_PERSONAL = {"he", "she", "him", "her", "i"}


def _resolve_pronoun(doc: Doc, f: _Found, sp: Speaker, last: Speaker | None, last_person: Speaker | None,
                     actors: ActorIndex, quoted, lookback: int = 6, last_at: int = 0) -> Speaker:
    """'he adds' → a person named earlier in the sentence, else the last person who spoke;
    'they said' → the last speaker that is not a person (a group, a source, a government)."""
    word = (sp.text or "").lower()
    if word in _PERSONAL:
        anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
        name = person_before(doc, doc[anchor.start].sent, sp.start or f.anchor, actors, quoted) if anchor else None
        if name:
            return Speaker(name, sp.text, person=True)
        # "For Rose Pierre, the politics feel distant. “…,” she said.": a person named earlier in
        # the paragraph, after whoever spoke last, is who 'she' means
        para = next(((lo, hi) for lo, hi in (doc._.wc_paragraphs or []) if lo <= f.anchor < hi), None)
        if para is not None and anchor is not None:
            lo = max(para[0], last_at if last_person is not None else para[0])
            hi = sp.start or f.anchor
            window = doc.char_span(lo, hi, alignment_mode="expand") if lo < hi else None
            name = person_before(doc, window, sp.start or f.anchor, actors, quoted) if window is not None else None
            if name:
                return Speaker(name, sp.text, person=True)
        if last_person is not None:
            return Speaker(last_person.name, sp.text, anonymous=last_person.anonymous,
                           source_type=last_person.source_type, person=True)
        if anchor is not None:  # nobody has spoken yet: the last person named before
            sents = list(doc.sents)
            k = next((i for i, s_ in enumerate(sents) if s_.start <= anchor.start < s_.end), 0)
            window = doc[sents[max(0, k - lookback)].start: anchor.start]
            name = person_before(doc, window, f.anchor, actors, quoted)
            if name:
                return Speaker(name, sp.text, person=True)
        return Speaker(None, sp.text)
    if sp.start is not None:
        # "the ministry said that it would close the crossing, saying it needed …": 'it' inside
        # what a body said is that body
        pron = doc.char_span(sp.start, sp.start + len(sp.text or "x"), alignment_mode="expand")
        if pron is not None:
            for anc in pron[0].ancestors:
                subj = subject_of(anc) if is_speech_verb(anc) else None
                if subj is not None and subj.i != pron[0].i and subj.pos_ in ("NOUN", "PROPN"):
                    cand = resolve_phrase(subj, actors)
                    if cand.name and not cand.person:
                        return Speaker(cand.name, sp.text, anonymous=cand.anonymous, source_type=cand.source_type)
                    break
    anchor = doc.char_span(f.anchor, f.anchor + 1, alignment_mode="expand")
    if anchor is not None:
        # "The eastern government blamed Tripoli. The GNU had “lost control”, it said.": the
        # subject of the sentence before, when it is a body and not a person
        sent = doc[anchor.start].sent
        if sent.start > 0:
            prev = doc[sent.start - 1].sent
            subj = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and prev.root.pos_ == "VERB":
                cand = resolve_phrase(subj, actors)
                if cand.name and not cand.person and _credible(cand, subj):
                    return Speaker(cand.name, sp.text, anonymous=cand.anonymous, source_type=cand.source_type)
    if last is not None and not last.person:
        return Speaker(last.name, sp.text, anonymous=last.anonymous, source_type=last.source_type)
    return Speaker(None, sp.text)


def extract_quotes(doc: Doc, actors: ActorIndex, settings: Settings = DEFAULT) -> tuple[Quote, ...]:
    """Direct and indirect quotes of the article, in text order, with resolved speakers."""
    text_all = doc_text(doc)  # joined once per Doc
    paras = doc._.wc_paragraphs or paragraph_bounds(text_all)
    if not paras:
        return ()
    passages = find_passages(text_all, paras)
    quoted = [(p.start, p.end) for p in passages]
    found: list[_Found] = []
    for p in passages:
        f = _direct(doc, text_all, p, passages, quoted, paras, actors)
        if f is not None and len(f.text.split()) >= settings.quote_min_words:
            found.append(f)
    found.extend(_indirect(doc, text_all, quoted, actors, settings))
    found.sort(key=lambda f: (f.anchor, f.start))

    quotes: list[Quote] = []
    last: Speaker | None = None
    last_person: Speaker | None = None
    last_person_at = 0
    by_start: dict[int, Speaker] = {}
    for f in found:
        sp = f.speaker
        if f.inherit:
            prev = max((q for q in quotes if q.end <= f.start), key=lambda q: q.end, default=None)
            sp = by_start.get(prev.start) if prev is not None else None
        if sp is not None and sp.pronoun:
            sp = _resolve_pronoun(doc, f, sp, last, last_person, actors, quoted,
                                  settings.pronoun_lookback_sentences, last_person_at)
        if sp is not None and sp.name:
            last = sp
            if sp.person:
                last_person, last_person_at = sp, f.end
        by_start[f.start] = sp
        cue = f.cue
        quotes.append(Quote(
            text=f.text, start=f.start, end=f.end, kind=f.kind,
            speaker=sp.name if sp else None, speaker_text=sp.text if sp else None,
            anonymous=bool(sp and sp.anonymous), source_type=sp.source_type if sp and sp.anonymous else None,
            told_to=told_to(cue, actors) if cue is not None and cue.pos_ == "VERB" and sp and sp.anonymous else None,
            cue=cue.text if cue is not None else None,
            cue_start=cue.idx if cue is not None else None,
            cue_end=cue.idx + len(cue.text) if cue is not None else None,
        ))
    quotes.sort(key=lambda q: q.start)
    return tuple(quotes)
