"""Who did what to whom, from a dependency parse: the one fact word order cannot give.

"Prodigy taunted Jay-Z" and "Jay-Z taunted Prodigy" share every word; "Carrie Russell mailed a
refill to her mother" and "Her mother mailed Carrie Russell a refill" too. Only the grammar tells
the doer from the one it was done to, so this layer asks spaCy's parse (`parse.py`) for each
verb's participants, through the passive ("was attacked by a protester") and coordination
("Smith and Jones sued").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .lexicon import key, speech_verbs, synonymous
from .parse import parsed

_DOER = frozenset(["nsubj", "csubj"])
_DONE_TO = frozenset(["dobj", "dative", "nsubjpass", "csubjpass"])
_RECIPIENT_PREPOSITIONS = frozenset(["to", "on", "at", "against"])
"""Prepositions whose object receives the action: "mailed it to her", "stomped on him", "fired
at them", "testified against him"."""


@dataclass(frozen=True)
class Event:
    """A verb (its lemma) with the words naming its doers and those it was done to."""

    verb: str
    doers: frozenset[str]
    done_to: frozenset[str]
    objects: frozenset[str] = frozenset()
    """The part of `done_to` that is the verb's own object, not a "to"/"at" phrase."""
    named_doers: frozenset[str] = frozenset()
    """The part of `doers` the sentence writes as a proper name ("Grace Adeyemi", not "police")."""
    written: tuple[str, str] = ("", "")
    """The doers and those done to as the sentence writes them, for a reader."""
    verb_written: str = ""
    """The verb as the sentence writes it ("fined"; the small model's lemma may be "fin")."""


def _forms(token: Any) -> set[str]:
    """A word's lemma, and for a capitalised one its own form too: the small model tags a name
    opening a sentence as a noun and lemmatises "Haines" to "haine"."""
    forms = {token.lemma_.lower()}
    if token.is_title:
        forms.add(token.lower_)
    return forms


def _participant(head: Any) -> set[str]:
    """The naming words of a participant: its head, the compounds and named owners of it and
    its conjuncts ("Carrie Russell", "Koval's speech", "Smith and Jones"). Pronouns name
    nobody by themselves."""
    found: set[str] = set()
    # "Smith and Jones"; "the Senate leader's son, Rory Reid"
    for token in [head, *(c for c in head.children if c.dep_ in ("conj", "appos"))]:
        if token.pos_ == "PRON":
            continue
        found |= _forms(token)
        found.update(
            c.lemma_.lower()
            for c in token.children
            if c.dep_ == "compound" or (c.dep_ == "poss" and c.pos_ == "PROPN")
        )
        for prep in token.children:  # "crews from Elston and Ridgeway": who they are
            if prep.dep_ == "prep" and prep.lower_ in ("from", "of"):
                found.update(t.lemma_.lower() for t in prep.subtree if t.pos_ == "PROPN")
    return found


_RELATIVE = frozenset(["who", "whom", "which"])
"""Relative pronouns; "that" only as the subject of a relative clause ("the company that owns
the club"), since the small parse also reads a "that" opening a reported clause as one."""


_PERSONAL = frozenset(["he", "she", "they"])


def _named(child: Any, verb: Any) -> set[str]:
    """A participant, with a relative pronoun read as the noun its clause describes (in
    "Jay-Z, who famously mocked Prodigy" the one who mocked is Jay-Z) and a personal pronoun
    subject as the named subject before it in the sentence ("McConnell was so concerned that
    he made a point of telling Trump")."""
    relative = child.lower_ in _RELATIVE or (child.lower_ == "that" and child.dep_ == "nsubj")
    if relative and verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        described = verb.head
        if described.dep_ == "appos":  # "Rand Paul, the Kentucky Republican who ..."
            return _participant(described) | _participant(described.head)
        return _participant(described)
    if child.lower_ in _PERSONAL and child.dep_ == "nsubj":
        speaker = _speaker(verb)
        if speaker:
            return speaker  # "Haines said he had called Lindgren"
        earlier = [
            t
            for t in child.doc[: child.i]
            if t.dep_ == "nsubj" and t.pos_ == "PROPN" and t.head.i != verb.i
        ]
        if earlier:
            return _participant(earlier[-1])
    return _participant(child)


_OBJECT_PRONOUNS = frozenset(["him", "her", "them"])


def _speaker(verb: Any) -> set[str]:
    """The named one who reports the clause `verb` stands in ("Haines said ... that Lindgren
    had phoned him"), or nobody."""
    node = verb
    for _ in range(3):
        if node.dep_ == "ccomp" and _saying(node.head.lemma_.lower()):
            said = node.head
            subjects = [c for c in said.children if c.dep_ == "nsubj"]
            if subjects and not any(s.is_title or s.lower_ in _RELATIVE for s in subjects):
                return set()  # "police said he ...": not a named speaker
            doers, _ = _roles(said, 2)
            return doers
        if node.dep_ != "conj":
            break
        node = node.head
    return set()


def _reported_object(child: Any, verb: Any) -> set[str]:
    """An object pronoun in a reported clause whose doer is someone else is the speaker:
    in "Haines said Lindgren had phoned him", the one phoned is Haines."""
    if child.lower_ not in _OBJECT_PRONOUNS:
        return set()
    speaker = _speaker(verb)
    doers = {
        w for c in verb.children if c.dep_ in _DOER and c.pos_ != "PRON" for w in _participant(c)
    }
    if not speaker or not doers or doers & speaker:
        return set()
    return speaker


def _governing_subject(child: Any, verb: Any) -> set[str]:
    """ "Him" or "her" as the object of a clause inside another whose subject is a named person
    is that person: in "Dupont recalls the day when the 15-year-old called her", the one
    called is Dupont."""
    if child.lower_ not in ("him", "her"):
        return set()
    own = {w for c in verb.children if c.dep_ in _DOER for w in _participant(c)}
    node = verb
    for _ in range(4):
        if node.head.i == node.i:
            return set()
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if not subjects:
            continue
        if _saying(node.lemma_.lower()):
            return set()  # a reported clause: `_reported_object` decides
        subject = subjects[0]
        people = [
            t
            for t in (subject, *(c for c in subject.children if c.dep_ in ("appos", "conj")))
            if t.pos_ == "PROPN" and t.i > 0
        ]
        if len(people) != 1:
            return set()  # "Police", "Smith and Jones": not one named person
        doers = _participant(subject)
        return set() if doers & own else doers
    return set()


def _own_roles(verb: Any) -> tuple[set[str], set[str]]:
    doers: set[str] = set()
    done_to: set[str] = set()
    for child in verb.children:
        if child.dep_ in _DOER:
            doers |= _named(child, verb)
        elif child.dep_ in _DONE_TO:
            done_to |= (
                _named(child, verb)
                or _reported_object(child, verb)
                or _governing_subject(child, verb)
            )
        elif child.dep_ == "agent":  # "attacked by a protester"
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    doers |= _participant(pobj)
        elif (child.dep_ == "prep" and child.lower_ in _RECIPIENT_PREPOSITIONS) or (
            child.dep_ == "prt"  # "knocking off the son": the particle's object is the verb's
        ):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    done_to |= _participant(pobj)
    return doers, done_to


def _direct_names(verb: Any) -> set[str]:
    """The proper names among the verb's own doers, as written beside it: not inherited from a
    governing verb nor read through a pronoun, where the parse is a guess."""
    heads = [c for c in verb.children if c.dep_ in _DOER and c.pos_ == "PROPN"]
    heads += [p for c in verb.children if c.dep_ == "agent" for p in c.children]
    names = {t.lemma_.lower() for h in heads for t in h.subtree if t.pos_ == "PROPN"}
    if (
        verb.dep_ == "relcl"
        and verb.head.pos_ == "PROPN"
        and any(c.dep_ in _DOER and c.lower_ in _RELATIVE for c in verb.children)
    ):
        # "the United Steelworkers, which is covering the group's legal expenses"
        names |= {t.lemma_.lower() for t in _name_of(verb.head)}
    return names


def _name_of(head: Any) -> list[Any]:
    """The proper-noun words of a name up to its head ("United Steelworkers"), and of the
    name it stands beside ("Rand Paul, the Kentucky Republican")."""
    words = [t for t in head.lefts if t.pos_ == "PROPN" and t.dep_ == "compound"] + [head]
    if head.dep_ == "appos" and head.head.pos_ == "PROPN":
        words += _name_of(head.head)
    return words


def _passive(verb: Any) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _verbs(doc: Any) -> Iterator[Any]:
    return (
        t
        for t in doc
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" and t.lemma_.lower() not in _NO_ACT
    )


_NO_ACT = frozenset(["be", "have"])
"""Verbs that do nothing to anyone: "Sinema had 932,870 votes" and "the race has Sinema and
McSally separated" have no doer to swap."""


def _roles(verb: Any, depth: int = 0) -> tuple[set[str], set[str]]:
    """`_own_roles`, with what a dependent verb inherits from the verb governing it."""
    doers, done_to = _own_roles(verb)
    if verb.dep_ == "pcomp" and not doers and depth < 3:
        # "made a point of telling Trump", "after driving a van": the governing verb's subject
        governor = verb.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        if governor.pos_ in ("VERB", "AUX") and not _passive(governor):
            doers, _ = _roles(governor, depth + 1)
        elif governor.pos_ in ("VERB", "AUX"):
            # "Mensah was sent off after pulling back Petrovic": the one it was done to
            doers = {
                w for c in governor.children if c.dep_ == "nsubjpass" for w in _named(c, governor)
            }
        return doers, done_to
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and depth < 3:
        # "City recovered ... to defeat Athletic", "the speech lasted ... and was
        # interrupted by lawmakers": the subject is the governing verb's, and its governor's
        # ("Sandoval ousted Gibbons and he routed Reid, knocking off ...")
        inherited, _ = _roles(verb.head, depth + 1)
        if _passive(verb) and not done_to:
            done_to = inherited
        elif not doers and not _passive(verb):
            doers = inherited
    return doers, done_to


_LIGHT_VERBS = frozenset(["express", "give", "make", "launch", "pay", "offer", "deliver", "stage"])
"""Verbs whose object names the act: "expressed thanks to the mayor" is "thanked the mayor",
"launched an attack on the town" is "attacked the town"."""


def _light_events(verb: Any, doers: set[str]) -> list[Event]:
    """The act a light verb's object names, done by its subject to the one its "to"/"on"
    phrase names."""
    found = []
    for noun in verb.children:
        if noun.dep_ != "dobj" or noun.pos_ != "NOUN":
            continue
        done_to: set[str] = set()
        for prep in [*noun.children, *verb.children]:
            if prep.dep_ == "prep" and prep.lower_ in _RECIPIENT_PREPOSITIONS:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        done_to |= _participant(pobj)
        if done_to:
            written = (_written(verb.doc, frozenset(doers)), _written(verb.doc, frozenset(done_to)))
            found.append(
                Event(
                    noun.lemma_.lower(),
                    frozenset(doers),
                    frozenset(done_to),
                    written=written,
                    verb_written=noun.text,
                )
            )
    return found


def _events(doc: Any) -> list[Event]:
    events = []
    for verb in _verbs(doc):
        doers, done_to = _roles(verb)
        if doers and done_to:
            objects = {w for c in verb.children if c.dep_ in _DONE_TO for w in _participant(c)}
            named = _direct_names(verb) & doers
            events.append(
                Event(
                    verb.lemma_.lower(),
                    frozenset(doers),
                    frozenset(done_to),
                    frozenset(objects),
                    frozenset(named),
                    (_written(doc, frozenset(doers)), _written(doc, frozenset(done_to))),
                    verb.text,
                )
            )
        if doers and verb.lemma_.lower() in _LIGHT_VERBS and not _passive(verb):
            events += _light_events(verb, doers)
    return events


@lru_cache(maxsize=4096)
def events(text: str) -> tuple[Event, ...]:
    """The verbs of a sentence that have both a doer and someone or something done to."""
    return tuple(_events(parsed(text)))


def _rival_events(claim: str, evidence: Iterable[str]) -> Iterator[tuple[Event, Event]]:
    """(the claim's event, a source's) for the same verb with no doer in common: the pairs in
    which a reversal or a replaced doer can hide."""
    mine = events(claim)
    if not mine:
        return
    for text in evidence:
        for theirs in events(text):
            for event in mine:
                if _doer_in_common(event, theirs) or not synonymous(
                    key(event.verb), key(theirs.verb)
                ):
                    continue
                if any(_abbreviates(d, h, text) for d in event.doers for h in theirs.doers):
                    continue  # "OSHA" for "the Occupational Safety and Health Administration"
                yield event, theirs


_DIRECTIONS = {"to": "from", "from": "to"}


def _directed(doc: Any) -> Iterator[tuple[Any, str, str, str]]:
    """(verb, "to" or "from", the lemma of what follows it, that phrase as written) for each
    act with a direction: "licensed zelbrinac to a Danish university"."""
    for verb in _verbs(doc):
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _DIRECTIONS:
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    phrase = " ".join(t.text for t in pobj.subtree)
                    yield verb, prep.lower_, pobj.lemma_.lower(), phrase


def turned_direction(claim: str, evidence: Iterable[str]) -> tuple[str, str, str] | None:
    """The claim's act going "to" something the sources have it come "from", or the other
    way, for the same verb and the same thing: "licensed zelbrinac to a Danish university"
    against "licensing it from a Danish university" (fourth new-user audit). (the verb as the
    claim writes it, the claim's direction, the sources'), or None."""
    mine = list(_directed(parsed(claim)))
    if not mine:
        return None
    theirs = [found for text in evidence for found in _directed(parsed(text))]
    for verb, way, thing, phrase in mine:
        same = [
            (other_way, other_phrase)
            for other, other_way, other_thing, other_phrase in theirs
            if other_thing == thing
            and synonymous(key(verb.lemma_.lower()), key(other.lemma_.lower()))
        ]
        if same and way not in {w for w, _ in same}:
            return verb.text, f"{way} {phrase}", f"{same[0][0]} {same[0][1]}"
    return None


def _doer_in_common(event: Event, theirs: Event) -> bool:
    """Whether two events share a doer: by name where both name theirs, since a title both
    give is no one in common ("Civic Alliance candidate Ruth Amsel beat ..." and "Green
    Progress candidate Jonas Feld beat ...", fourth new-user audit)."""
    if event.named_doers and theirs.named_doers:
        return bool(event.named_doers & theirs.named_doers)
    return bool(event.doers & theirs.doers)


_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|the|&)\s+)?[A-Z][\w'’-]*)*")


def _runs_ending(head: str, text: str) -> Iterator[list[str]]:
    """The capitalised names of `text` (words joined by "and", "of", ...) ending in `head`."""
    for match in _CAPITALISED_RUN.finditer(text):
        words = match.group().split()
        if words[-1].lower() == head.lower():
            yield words


def in_full(doer: str, texts: Iterable[str]) -> str:
    """A doer the parse gives by its head word ("Administration"), as the sources name it
    ("Occupational Safety and Health Administration")."""
    if " " in doer:
        return doer
    return next(
        (" ".join(words) for text in texts for words in _runs_ending(doer, text) if len(words) > 1),
        doer,
    )


def _abbreviates(short: str, head: str, text: str) -> bool:
    """`short` is the initials of the name in `text` whose last word is `head`."""
    if not 2 <= len(short) <= 6 or not short.isalpha():
        return False
    for words in _runs_ending(head, text):
        initials = "".join(w[0] for w in words if w[0].isupper()).lower()
        if initials == short or (initials.endswith(short) and len(short) >= 3):
            return True
    return False


def swapped(claim: str, evidence: Iterable[str]) -> tuple[Event, Event] | None:
    """A verb of the claim whose doer the evidence has on the receiving end of the same verb,
    and the other way round: (the claim's event, the evidence's), or None."""
    return next(
        (
            (event, theirs)
            for event, theirs in _rival_events(claim, evidence)
            if event.doers & theirs.done_to and theirs.doers & event.done_to
        ),
        None,
    )


def done_by_someone_else(claim: str, evidence: Iterable[str]) -> tuple[Event, Event] | None:
    """The claim's doer on the receiving end of the same verb, in a sentence whose doer is a
    "he" or "she" it does not name ("He has outraised Lewis" against "Lewis has outraised
    Cline"): no one does that to themselves, so the act went the other way. (the claim's
    event, the evidence's), or None."""
    mine = events(claim)
    if not mine:
        return None
    for text in evidence:
        doc = parsed(text)
        for verb in _verbs(doc):
            subject = next(
                (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in _PERSONAL), None
            )
            if subject is None or _passive(verb):
                continue
            _, done_to = _own_roles(verb)
            for event in mine:
                if (
                    synonymous(key(event.verb), key(verb.lemma_.lower()))
                    and event.doers & done_to
                    and not event.done_to & done_to
                ):
                    written = (subject.text, _written(doc, frozenset(event.doers & done_to)))
                    lemma = verb.lemma_.lower()
                    return event, Event(
                        lemma,
                        frozenset(),
                        frozenset(done_to),
                        written=written,
                        verb_written=verb.text,
                    )
    return None


def stated(event: Event, evidence: Iterable[str]) -> bool:
    """Some sentence has the event the claim's way round: the same verb, a doer and someone
    done to in common ("A sued B" stated even where another sentence says "B sued A")."""
    return any(
        synonymous(key(event.verb), key(theirs.verb))
        and _doer_in_common(event, theirs)
        and event.done_to & theirs.done_to
        for text in evidence
        for theirs in events(text)
    )


ORDER_REACH = 6
"""Tokens from a doer to its verb, and from the verb to the one it was done to, for a sentence
to say the act in the claim's order ("Browne-Louis faces two counts")."""


def said_in_order(event: Event, evidence: Iterable[str]) -> bool:
    """Some sentence writes the claim's doer, then its verb, then the one it was done to, close
    together: the act stated the claim's way round, whatever the parse made of it. The small
    model hangs the second clause of "McCullum faces two counts of cyberstalking and
    Browne-Louis faces two counts of obstruction" on the first; read by word order, the
    sentence states both. A passive sentence in that order says the opposite."""
    verb = key(event.verb)
    for text in evidence:
        doc = parsed(text)
        for i, token in enumerate(doc):
            if token.pos_ == "PRON" or not _forms(token) & event.doers:
                continue
            for j in range(i + 1, min(i + ORDER_REACH, len(doc))):
                if doc[j].is_punct and doc[j].text not in (",", "-"):
                    break
                if not synonymous(key(doc[j].lemma_.lower()), verb):
                    continue
                if _passive(doc[j]) or doc[i].dep_ == "nsubjpass":
                    break  # "a Klan member was stomped on by counter-protesters"
                if any(
                    _forms(doc[k]) & event.done_to and doc[k].pos_ != "PRON"
                    for k in range(j + 1, min(j + ORDER_REACH, len(doc)))
                ):
                    return True
    return False


def _saying(lemma: str) -> bool:
    """A verb that attributes words (the lexicon's speech verbs; "claim" too, which the word
    patterns leave out as a noun but a parse knows as a verb)."""
    return key(lemma) in speech_verbs() or lemma == "claim"


def _doers_of(doc: Any) -> list[tuple[str, frozenset[str]]]:
    """(verb lemma, its doers) for every active verb with a named doer."""
    found = []
    for verb in _verbs(doc):
        doers, _ = _roles(verb)
        if doers and not _passive(verb):
            found.append((verb.lemma_.lower(), frozenset(doers)))
    return found


def _reported(doc: Any) -> list[tuple[str, frozenset[str], frozenset[str]]]:
    """(verb lemma, its doers, the speaker) for verbs a sentence reports someone saying:
    "the Defense Department said Soleimani was developing plans"."""
    found = []
    for verb in doc:
        if verb.dep_ != "ccomp" or not _saying(verb.head.lemma_.lower()):
            continue
        speaker, _ = _own_roles(verb.head)
        for inner, doers in _doers_of_verb(verb):
            if speaker and doers:
                found.append((inner, frozenset(doers), frozenset(speaker)))
    return found


def _doers_of_verb(verb: Any) -> list[tuple[str, set[str]]]:
    doers, _ = _own_roles(verb)
    found = [(verb.lemma_.lower(), doers)]
    for child in verb.children:  # "was actively developing": the participle carries it
        if child.dep_ in ("xcomp", "conj") and child.pos_ == "VERB" and not _own_roles(child)[0]:
            found.append((child.lemma_.lower(), doers))
    return found


def speaker_as_doer(claim: str, evidence: Iterable[str]) -> tuple[str, str, str] | None:
    """The claim makes the one who reported an act its doer: (the claim's verb as written, its
    doer, the doer the source reports), or None. "The Defense Department was developing plans"
    where the source says "the Defense Department said Soleimani was developing plans"."""
    doc = parsed(claim)
    # who said what is the speaker check's question; here only acts that were reported
    mine = [(v, d) for v, d in _doers_of(doc) if not _saying(v)]
    if not mine:
        return None
    also_reported = _reported(doc)
    for text in evidence:
        source = parsed(text)
        for verb, doers, speaker in _reported(source):
            if _saying(verb):
                continue  # "X said ..., Y reported": nested attribution, not an act
            if any(synonymous(key(v), key(verb)) and sp & speaker for v, _, sp in also_reported):
                continue  # the claim reports it as said by the same speaker
            for my_verb, my_doers in mine:
                if not synonymous(key(my_verb), key(verb)) or my_doers & doers:
                    continue
                if my_doers & speaker:
                    said = next(t.text for t in doc if t.lemma_.lower() == my_verb)
                    return said, _written(doc, my_doers), _written(source, doers)
    return None


def _written(doc: Any, lemmas: frozenset[str]) -> str:
    """A participant as the sentence writes it ("the Defense Department", not "defense
    department"): its words in their order, each once."""
    hits = [t for t in doc if t.lemma_.lower() in lemmas and t.pos_ != "PRON"]
    # leave out where and whose ("at a Phoenix luncheon", "of Irvine Cottages")
    own = [t for t in hits if not any(a.dep_ == "prep" for a in [t, *t.ancestors][:3])] or hits
    heads = [t for t in own if t.dep_ not in ("compound", "amod", "poss", "nmod")]
    if heads and all(t.pos_ == "PROPN" for t in heads):
        # a name where the sentence gives one: "Jacqueline Dupont", not "CEO founder
        # gerontologist Jacqueline Dupont"
        own = [t for t in own if t.pos_ == "PROPN" and t.dep_ != "poss"] or own
    # with the rest of each name right before it: "Harbor City Herons", not "City Herons"
    whole = set(own)
    for token in own:
        start = token.i
        while start > 0 and (
            (left := token.doc[start - 1]).pos_ == "PROPN"
            and left.dep_ == "compound"
            and left.head in whole | {token}
        ):
            whole.add(left)
            start -= 1
    own = sorted(whole, key=lambda t: t.i)
    words = [_whole_word(t) for t in own]
    return " ".join(dict.fromkeys(words))


def _whole_word(token: Any) -> str:
    """The token with the hyphenated word it is part of: "15-year-old", not "old"."""
    text = token.doc.text
    start, end = token.idx, token.idx + len(token.text)
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in ',;:("“':
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in ',;:.)"”':
        end += 1
    return text[start:end].removesuffix("'s").removesuffix("’s")


def replaced_doer(claim: str, evidence: Iterable[str]) -> tuple[Event, Event] | None:
    """A verb of the claim done to the same thing as in a source, by someone else whom the
    other sentence has as the object: "Kimble bought Marvel's patent" where "Marvel purchased
    the patent", "Francis tried to steer him" where "Benedict tried to direct Francis".
    Requiring the other party in both keeps a doer named in other words ("police" for
    "officers") from counting."""
    for event, theirs in _rival_events(claim, evidence):
        if not event.objects or not event.done_to & theirs.done_to:
            continue  # "Francis flew" (no object) is "Francis was flown by helicopter"
        if event.doers & theirs.objects or theirs.doers & event.objects:
            return event, theirs
    return None


def other_doer(claim: str, evidence: Iterable[str]) -> tuple[Event, Event] | None:
    """The same act done to the same thing by another named doer: "an inquiry was ordered by
    Fire Commissioner Achterberg" where "Labour Minister Grace Adeyemi ordered an inquiry"."""
    for event, theirs in _rival_events(claim, evidence):
        if not (event.named_doers and theirs.named_doers) or _saying(event.verb):
            continue
        if event.objects & theirs.objects or (event.done_to & theirs.done_to):
            return event, theirs
    return None


def replaced_recipient(claim: str, evidence: Iterable[str]) -> tuple[str, str, str] | None:
    """A named party the claim has an act done to, in the passive, where the sentence telling
    the act does it to another named party and never names the claim's ("The Consumer Fairness
    Commission was ordered to pay a penalty" where "The court ordered the app maker Vantix to
    pay a penalty"): (the verb, the claim's party, the source's), or None. The two verbs must
    share what they lead to ("to pay"), so one act is meant."""
    doc = parsed(claim)
    for verb in _verbs(doc):
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not _passive(verb) or not subjects:
            continue
        mine = {t.lemma_.lower() for t in subjects[0].subtree if t.pos_ == "PROPN"}
        leads = {c.lemma_.lower() for c in verb.children if c.dep_ in ("xcomp", "dobj")}
        if not mine or not leads:
            continue
        for text in evidence:
            theirs = parsed(text)
            if mine & {t.lemma_.lower() for t in theirs if t.pos_ == "PROPN"}:
                continue  # the claim's party is in the sentence: another reading of it
            for other in _verbs(theirs):
                if _passive(other) or not synonymous(
                    key(verb.lemma_.lower()), key(other.lemma_.lower())
                ):
                    continue
                if not leads & {
                    c.lemma_.lower() for c in other.children if c.dep_ in ("xcomp", "ccomp")
                }:
                    continue
                objects = [c for c in other.children if c.dep_ == "dobj"]
                named = [t for o in objects for t in o.subtree if t.pos_ == "PROPN"]
                if named:
                    return (
                        verb.text,
                        " ".join(t.text for t in subjects[0].subtree if t.pos_ == "PROPN"),
                        " ".join(t.text for t in named),
                    )
    return None
