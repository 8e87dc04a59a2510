"""Actors: entity mentions resolved within the article and against the curated registry.

Mentions come from the model's entities (with the registry ruler's corrections), grouped into
one actor per real-world entity: registry aliases, acronyms defined in parentheses ("Kataeb
Hezbollah (KH)"), surnames and titled surnames ("Sudani", "Prime Minister Sudani"). Roles and
affiliations come from preceding titles ("government spokesman Bassem al-Awadi") and
appositions ("Ali Hussein, leader of the coalition")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from wirecoder.records import Actor, Mention, Place
from wirecoder.registry import Registry, load_registry, norm
from wirecoder.nlp.spans import doc_text
from wirecoder.settings import DEFAULT, Settings, data_lines

ACTOR_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": "group"}
_PARTICLES = {"al", "el", " al-", "el-", "bin", "ibn", "abu", "abd", "de", "van", "von", "da"}


TITLE_WORDS = frozenset(w.lower() for w in data_lines("title_words.txt"))
ORG_WORDS = frozenset(w.lower() for w in data_lines("org_words.txt"))
# short forms of titles that stand for the long one ("the premier" is the prime minister)
TITLE_SYNONYMS = dict(line.split("=", 1) for line in data_lines("title_synonyms.txt"))
# titles too common to pick one person by ("the official", "the leader")
GENERIC_TITLES = frozenset({"official", "member", "leader", "head", "analyst", "expert", "state", "security",
                            "political", "government", "foreign", "defense", "defence", "interior",
                            "military", "army", "police", "strategic", "finance"})


def name_tokens(text: str) -> list[str]:
    """The distinctive words of a name, folded, without particles like 'al-'."""
    words = re.findall(r"[^\W_]+(?:['’][^\W_]+)?", norm(text).replace("-", " "))
    return [w for w in words if w not in _PARTICLES and w not in TITLE_WORDS]


def surname(text: str) -> str | None:
    """The last distinctive word of a person's name."""
    toks = name_tokens(text)
    return toks[-1] if toks else None


def clean_mention(span: Span) -> tuple[int, int]:
    """Token bounds of an entity without a leading 'the', leading titles or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while end - start > 1 and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               or doc[end - 1].lower_ in ("'s", "’s")):
        end -= 1
    while end - start > 1 and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    if span.label_ in ("PERSON", "ORG") and not span.ent_id_ and doc[end - 1].lower_ not in ORG_WORDS:
        # "Defense Lloyd Austin": title words the model swept into a name
        k = start
        while k < end - 1 and doc[k].lower_ in TITLE_WORDS and doc[k].is_title:
            k += 1
        if k > start and end - k >= 2 and all(t.is_title for t in doc[k:end]):
            start = k
    return start, end


@dataclass
class _Cluster:
    label: str
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # char start, end, text
    names: list[str] = field(default_factory=list)
    registry_name: str | None = None
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    affiliation: str | None = None

    @property
    def canonical(self) -> str:
        """The most complete form the article uses ('ISIS', 'CIA', 'United States' or 'US'),
        except a person the article names only by surname, who gets the registry's full name."""
        if self.registry_name:
            best = self._article_form()
            if self.label == "PERSON" and len(name_tokens(best)) < 2:
                return self.registry_name
            return best
        return self._article_form()

    def _article_form(self) -> str:
        # the most complete form among those seen often enough: a headline's one-off
        # "Crooked Hillary Clinton" does not rename the Hillary Clinton of five mentions
        counts: dict[str, int] = {}
        for n in self.names:
            counts[n] = counts.get(n, 0) + 1
        multi = {n: c for n, c in counts.items() if len(name_tokens(n)) >= 2}
        if not multi:
            return max(counts, key=lambda n: (counts[n], len(n)))
        top = max(multi.values())
        cands = [n for n, c in multi.items() if c * 2 >= top]
        return max(cands, key=lambda n: (len(name_tokens(n)), multi[n], len(n)))


@dataclass
class ActorIndex:
    """The actors of one article and a way back from text spans and names to canonical actors."""

    actors: tuple[Actor, ...] = ()
    _by_char: dict[int, str] = field(default_factory=dict, repr=False)  # char offset -> canonical
    _by_norm: dict[str, str] = field(default_factory=dict, repr=False)  # folded alias -> canonical
    _by_surname: dict[str, str] = field(default_factory=dict, repr=False)
    _by_registry: dict[str, str] = field(default_factory=dict, repr=False)  # registry name -> name here

    def actor(self, name: str | None) -> Actor | None:
        """The actor with this canonical name."""
        for a in self.actors:
            if a.name == name:
                return a
        return None

    _at_memo: dict = field(default_factory=dict, repr=False)  # (start, end) -> at(); for _at_actors only
    _at_actors: tuple = field(default=(), repr=False)

    def at(self, start: int, end: int) -> str | None:
        """Canonical name of the actor mentioned at (or within) the character span [start, end).

        Memoised: the event rules and the argument ranker ask about the same tokens again and
        again, and each answer scans every mention. Actors are frozen records, so the answers
        only go stale when `actors` is replaced, which resets the memo."""
        if self._at_actors is not self.actors:
            self._at_memo, self._at_actors = {}, self.actors
        key = (start, end)
        if key not in self._at_memo:
            self._at_memo[key] = self._scan_at(start, end)
        return self._at_memo[key]

    def _scan_at(self, start: int, end: int) -> str | None:
        best, best_len = None, 0
        for a in self.actors:
            for m in a.mentions:
                if m.start >= start and m.end <= end or m.start <= start and m.end >= end:
                    span_len = m.end - m.start
                    if span_len > best_len:
                        best, best_len = a.name, span_len
        return best

    def canonical(self, text: str | None) -> str | None:
        """Canonical name for a name as written ('Sudani', 'KH', 'Kata'ib Hizballah'), or None."""
        if not text:
            return None
        # "UN Mission in South Sudan (UNMISS)": a quote speaker names a body with its acronym
        key = norm(re.sub(r"['’]s$", "", re.sub(r"\s*\([A-Z][A-Za-z0-9.&\-]{1,11}\)$", "", text.strip())))
        if key in self._by_norm:
            return self._by_norm[key]
        toks = name_tokens(text)
        if len(toks) == 1 and toks[0] in self._by_surname:
            return self._by_surname[toks[0]]
        reg = load_registry().lookup(text)
        return self._by_registry.get(reg.name, reg.name) if reg else None

    def kind_of(self, name: str | None) -> str | None:
        """The kind (person, organization, state, ...) of a canonical actor."""
        a = self.actor(name)
        return a.kind if a else None


def _in_places(start: int, end: int, places: tuple[Place, ...]) -> Place | None:
    for p in places:
        if p.start <= start and p.end >= end:
            return p
    return None


def _preceding_title(doc: Doc, start: int, root) -> str | None:
    """'US Secretary of State' in 'US Secretary of State Antony Blinken'."""
    left = root.left_edge.i
    k = start
    while k > left and doc[k - 1].i >= left:
        tok = doc[k - 1]
        if tok.is_punct and tok.text not in "-" or tok.dep_ in ("det", "poss", "case") or tok.ent_type_ in ("PERSON",) \
                or tok.lower_ in ("as", "by", "with", "from", "to", "for"):
            break
        k -= 1
    while k < start and (doc[k].is_punct or doc[k].dep_ in ("det", "poss", "cc")):
        k += 1
    if k >= start:
        return None
    words = doc[k:start]
    if not any(t.lower_ in TITLE_WORDS for t in words):
        return None
    return words.text


def _appositive_role(doc: Doc, span: Span) -> Span | None:
    """The appositive describing a mention: 'X, leader of Y' or 'The leader of Y, X,'."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ in ("NOUN",) and child.ent_type_ == "":
            sub = [t for t in child.subtree if not any(t in r.subtree for r in child.children if r.dep_ == "relcl")]
            return doc[sub[0].i: sub[-1].i + 1]
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ in ("NOUN", "PROPN") \
            and root.head.ent_type_ == "":
        head = root.head
        edge = root.left_edge.i  # "a Pentagon spokesman, Colonel Mark Ellison": stop before the name's NP
        toks = [t for t in head.subtree if t.i < edge]
        while toks and toks[-1].is_punct:
            toks.pop()
        if toks:
            return doc[toks[0].i: toks[-1].i + 1]
    # "As the leader of the coalition, Ali Hussein, explains": the parse often misses it
    if span.start >= 3 and doc[span.start - 1].text == ",":
        sent = span.sent
        j = span.start - 2
        while j > sent.start and doc[j].text not in ",;:" and doc[j].lower_ not in ("as",):
            j -= 1
        if doc[j].lower_ == "as" and any(t.lower_ in TITLE_WORDS for t in doc[j + 1: span.start - 1]):
            return doc[j + 1: span.start - 1]
    return None


_CONNECTORS = {"of", "for", "the", "and", "in", "on", "de", "du", "al", "to", "&"}


def _defined_long_forms(doc: Doc) -> list[Span]:
    """Capitalised names followed by an acronym in parentheses that the model did not tag whole."""
    out = []
    for tok in doc:
        if tok.text != "(" or tok.i + 2 >= len(doc) or doc[tok.i + 2].text != ")":
            continue
        acro = doc[tok.i + 1].text
        if not (acro.isupper() and acro.isalpha() and 2 <= len(acro) <= 9):
            continue
        k = tok.i
        while k > tok.sent.start and (doc[k - 1].is_title or doc[k - 1].is_upper and doc[k - 1].is_alpha
                                      or doc[k - 1].lower_ in _CONNECTORS or doc[k - 1].text == "-"):
            k -= 1
        while k < tok.i and (doc[k].lower_ in _CONNECTORS or doc[k].text == "-"):
            k += 1
        words = [t for t in doc[k:tok.i] if t.lower_ not in _CONNECTORS and t.is_alpha]
        if len(words) < 2 or acro[0] not in {w.text[0] for w in words}:
            continue
        ents = [e for e in doc.ents if e.start < tok.i and k < e.end]
        if len(ents) == 1 and ents[0].start <= k and ents[0].end >= tok.i:
            continue  # the model has it already
        out.append(Span(doc, k, tok.i, label="ORG"))
    return out


def _strip_det(text: str) -> str:
    text = re.sub(r"\s*\([A-Z][A-Za-z.\-]{1,9}\)", "", text)  # "(PMU)" after a name
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,"), flags=re.I)


def _affiliation_in(span: Span) -> str | None:
    """The organisation or state a role names: 'leader of X', 'a faction within X', 'X spokesman'."""
    for ent in span.ents:
        if ent.label_ in ("ORG", "GPE") and (ent.root.dep_ == "pobj" and ent.root.head.lower_ in
                                             ("of", "within", "in", "for", "at", "with", "from")
                                             or ent.root.dep_ in ("compound", "nmod", "poss")):
            return ent.text
    return None


def extract_actors(doc: Doc, places: tuple[Place, ...] = (), registry: Registry | None = None,
                   settings: Settings = DEFAULT) -> ActorIndex:
    """Resolve the article's actor mentions into canonical actors with roles and affiliations."""
    reg = registry or load_registry(tuple(str(p) for p in settings.extra_registries))
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    spans: list[tuple[Span, int, int]] = []
    article = doc._.wc_article
    outlet = norm(article.outlet) if article is not None and article.outlet else None
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        s, e = clean_mention(ent)
        if e <= s:
            continue
        label = ent.label_
        if all(t.lower_ in TITLE_WORDS for t in doc[s:e]):
            continue  # "State" of "Secretary of State"
        if s > ent.start and label == "ORG" and not any(t.lower_ in ORG_WORDS for t in doc[s:e]):
            label = "PERSON"
        span = Span(doc, s, e, label=label, span_id=ent.id)
        entry = reg.lookup(ent.ent_id_) if ent.ent_id_ else reg.lookup(span.text)
        if not entry and outlet and norm(span.text) == outlet:
            span = Span(doc, s, e, label="ORG", span_id=ent.id)
        place = _in_places(span.start_char, span.end_char, places)
        if not entry and place is not None and ent.label_ != "GPE":
            continue  # a toponym the model called a person or organisation
        if not entry and ent.label_ == "NORP":
            continue  # demonyms describe; they are not actors unless the registry says so
        spans.append((span, s, e))

    # "The US Africa Command (AFRICOM)": a name the model missed, defined by its acronym
    for lf in _defined_long_forms(doc):
        spans = [x for x in spans if not (lf.start <= x[0].start and x[0].end <= lf.end)]
        if not any(x[0].start < lf.end and lf.start < x[0].end for x in spans):
            spans.append((lf, lf.start, lf.end))

    # persons first, longest first, so surnames attach to full names
    order = sorted(spans, key=lambda x: (x[0].label_ != "PERSON", -len(name_tokens(x[0].text))))
    surnames: dict[str, _Cluster] = {}
    given: dict[str, _Cluster | bool] = {}
    org_heads: dict[str, _Cluster | bool] = {}
    for span, s, e in order:
        text = span.text
        entry = reg.lookup(span.ent_id_) if span.ent_id_ else reg.lookup(text)
        key = entry.name if entry else norm(text)
        cluster = by_key.get(key)
        toks = name_tokens(text)
        if cluster is None and not entry and len(toks) == 1 and toks[0] in surnames:
            cluster = surnames[toks[0]]
        if cluster is None and not entry and len(toks) == 1 and span.label_ == "ORG" \
                and org_heads.get(toks[0]) not in (None, False):
            cluster = org_heads[toks[0]]  # "the Brigade" after "the Jenin Brigade"
        if cluster is None and not entry and len(toks) == 1 and given.get(toks[0]) not in (None, False):
            cluster = given[toks[0]]  # "Abebech said" after "Abebech Worku": a given name alone
        if cluster is None:
            label = entry.label if entry else span.label_
            cluster = _Cluster(label=label, registry_name=entry.name if entry else None)
            clusters.append(cluster)
            by_key[key] = cluster
        cluster.mentions.append((span.start_char, span.end_char, text))
        cluster.names.append(text)
        if cluster.label == "ORG" and len(toks) >= 2 and toks[-1] in ORG_WORDS:
            org_heads[toks[-1]] = cluster if org_heads.get(toks[-1], cluster) is cluster else False
        if cluster.label == "PERSON" and len(toks) >= 2:
            surnames.setdefault(toks[-1], cluster)
            # a given name names one person only while no other person shares it
            given[toks[0]] = cluster if given.get(toks[0], cluster) is cluster else False

    # acronyms defined in parentheses: "Kataeb Hezbollah (KH)"
    text = doc_text(doc)  # joined once per Doc
    for c in list(clusters):
        for ms, me, _ in list(c.mentions):
            m = re.match(r"\s*\(([A-Z][A-Za-z.\-]{1,9})\)", text[me:me + 14])
            if not m:
                continue
            acro = m.group(1)
            c.aliases.add(acro)
            other = by_key.get(norm(acro)) or (by_key.get(reg.lookup(acro).name) if reg.lookup(acro) else None)
            if other is not None and other is not c and not other.registry_name:
                c.mentions.extend(other.mentions)
                c.aliases.update(other.names)
                clusters.remove(other)
                by_key[norm(acro)] = c
            else:
                by_key.setdefault(norm(acro), c)

    # roles and affiliations
    for span, s, e in spans:
        c = next((c for c in clusters if (span.start_char, span.end_char) in
                  {(ms, me) for ms, me, _ in c.mentions}), None)
        if c is None or c.role:
            continue
        role = None
        app = _appositive_role(doc, span)
        if app is not None:
            role = _strip_det(app.text)
            c.affiliation = c.affiliation or _affiliation_in(app)
        elif c.label == "PERSON":
            role = _preceding_title(doc, s, span.root)
            if role:
                c.affiliation = c.affiliation or _affiliation_in(doc[max(s - len(role.split()) - 2, 0): s])
        if role:
            c.role = role

    # spaCy builds noun chunks in Python on every read: once here for both passes, and only when
    # one of them has a person with a title or an organisation to refer back to
    needed = any(c.label == "PERSON" and c.role or c.label == "ORG" for c in clusters)
    chunks = list(doc.noun_chunks) if needed else []
    _title_references(doc, clusters, chunks)
    _organisation_references(doc, clusters, chunks)

    index = ActorIndex()
    actors = []
    for c in clusters:
        name = c.canonical
        entry = reg.entries.get(c.registry_name) if c.registry_name else None
        aliases = sorted({n for n in c.names if norm(n) != norm(name)} | c.aliases - {name})
        affiliation = c.affiliation
        if affiliation:
            affiliation = _resolve_name(affiliation, by_key, reg) or _strip_det(affiliation)
        if not affiliation and entry and entry.member_of:
            affiliation = entry.member_of
        kind = entry.kind if entry else ACTOR_LABELS.get(c.label, "other")
        if kind == "state" and not entry and c.label == "GPE":
            place = _in_places(c.mentions[0][0], c.mentions[0][1], places)
            if place is not None and place.kind not in ("country", None):
                kind = "location"
        mentions = tuple(Mention(start=ms, end=me, text=t) for ms, me, t in sorted(set(c.mentions)))
        actors.append(Actor(
            name=name, aliases=tuple(aliases), kind=kind, role=c.role or (entry.role if entry else None),
            affiliation=affiliation if affiliation != name else None,
            country=entry.country if entry else None, sector=entry.sector if entry else None,
            wikidata=entry.wikidata if entry else None, registry=entry is not None,
            registry_name=entry.name if entry else None, mentions=mentions,
        ))
        if entry:
            index._by_registry[entry.name] = name
        for m in mentions:
            index._by_char[m.start] = name
        for alias in (name, *aliases):
            index._by_norm[norm(alias)] = name
        if kind == "person":
            sn = surname(name)
            if sn:
                index._by_surname.setdefault(sn, name)
    actors.sort(key=lambda a: min((m.start for m in a.mentions), default=0))
    index.actors = tuple(actors)
    return index


def _title_references(doc: Doc, clusters: list[_Cluster], chunks: list[Span]) -> None:
    """'the premier', 'the Iraqi prime minister', 'the general': a title standing for a person
    named earlier with that title or role becomes a mention of that person."""
    persons = [c for c in clusters if c.label == "PERSON" and c.role]
    if not persons:
        return
    for chunk in chunks:
        toks = [t for t in chunk if t.dep_ not in ("det", "poss") and t.pos_ != "DET"]
        if not toks or chunk[0].lower_ not in ("the", "this", "that") or any(t.ent_type_ == "PERSON" for t in chunk):
            continue
        head = chunk.root.lower_
        if head not in TITLE_WORDS and head not in TITLE_SYNONYMS or head in GENERIC_TITLES:
            continue
        if any(c.dep_ in ("appos", "prep") for c in chunk.root.children) or chunk.root.dep_ == "appos" \
                or chunk.end < len(doc) and doc[chunk.end].text == ",":
            continue  # "the leader of X, Ali Hussein": a new person introduced, not a reference
        title = " ".join(t.lower_ for t in toks if t.pos_ != "ADJ" or t.lower_ in TITLE_WORDS)
        title = TITLE_SYNONYMS.get(title, title).replace(" - ", "-")
        best = None
        for c in persons:
            first = min(m[0] for m in c.mentions)
            if first < chunk.start_char and title in c.role.lower().replace(" - ", "-"):
                if best is None or first > min(m[0] for m in best.mentions):
                    best = c
        if best is not None:
            best.mentions.append((chunk.start_char, chunk.end_char, chunk.text))


GENERIC_ORG_HEADS = frozenset({"group", "movement", "militia", "organisation", "organization", "faction"})


def _is_outlet(c: _Cluster, doc: Doc) -> bool:
    article = doc._.wc_article
    return bool(article is not None and article.outlet and any(norm(n) == norm(article.outlet) for n in c.names))


def _organisation_references(doc: Doc, clusters: list[_Cluster], chunks: list[Span]) -> None:
    """'the mission', 'the ministry': a definite head word of an organisation named earlier
    ('African Union Transition Mission in Somalia', 'Interior Ministry') refers back to it."""
    orgs = [c for c in clusters if c.label == "ORG"]
    if not orgs:
        return
    for chunk in chunks:
        root = chunk.root
        if chunk[0].lower_ not in ("the", "this") or root.lower_ not in ORG_WORDS or root.ent_type_ \
                or len(chunk) > 3 or any(c.dep_ in ("prep", "appos") for c in root.children):
            continue
        best, best_start = None, -1
        for c in orgs:
            starts = [m[0] for m in c.mentions if m[0] < chunk.start_char]
            if starts and max(starts) > best_start and any(
                    root.lower_ in norm(n).split() for n in c.names):
                best, best_start = c, max(starts)
        if best is None and root.lower_ in GENERIC_ORG_HEADS:
            # "the group said": the organisation named last, if it was named in the last sentences
            window = doc[max(chunk.sent.start - 1, 0)].sent.start_char if chunk.sent.start > 0 else 0
            for c in orgs:
                starts = [m[0] for m in c.mentions if window <= m[0] < chunk.start_char]
                if starts and max(starts) > best_start and c.label == "ORG" and not _is_outlet(c, doc):
                    best, best_start = c, max(starts)
        if best is not None:
            best.mentions.append((chunk.start_char, chunk.end_char, chunk.text))


def _resolve_name(text: str, by_key: dict[str, _Cluster], reg: Registry) -> str | None:
    cleaned = _strip_det(text)
    c = by_key.get(norm(cleaned))
    if c is not None:
        return c.canonical
    entry = reg.lookup(cleaned)
    return entry.name if entry else None
