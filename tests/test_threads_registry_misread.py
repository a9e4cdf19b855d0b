"""A new coalition whose name opens like a registered one ("Dynamic Coalition on Connectivity for River Towns" is read
by the registry as its "DC on Community Connectivity") is the coalition the speaker names in full, in every year, so
its asks join across years; a registered coalition said in full stays the registry's."""

from __future__ import annotations

from forumlens.threads import link_items, place_items
from forumlens.threads.similarity import make_scorer

from .threads_support import items_of

Y2011 = """IGF 2011 - Open forum: rivers and towns

>> ASTRID VOLKOVA: Good morning. Tomas, please.

>> TOMAS MWALE-HENDRIKS: Thank you. Tomas Mwale-Hendriks, Dynamic Coalition on Connectivity for River Towns. Regulators must let river towns build their own masts on the public quays.

>> ASTRID VOLKOVA: Thank you. We close here.
"""

Y2014 = """IGF 2014 - Open forum: rivers and towns again

>> ASTRID VOLKOVA: Good morning. Ines, please.

>> INES OKORO-BLANCO: Thank you. Ines Okoro-Blanco, coordinator of the Dynamic Coalition on Connectivity for River Towns. We say it again: towns on the rivers must be allowed to put their own masts on the quays.

>> ASTRID VOLKOVA: Thank you. We close here.
"""

LOWER = """IGF 2016 - Workshop on sirens

SPEAKERS
PSR -- Petra Sandoval-Ruiz, Dynamic Coalition on Public Sirens

>> MODERATOR: Good morning. Petra, please.

>> PETRA SANDOVAL-RUIZ: Thank you. I am Petra Sandoval-Ruiz and I joined the coalition on public sirens in 2012. Every town must test its sirens once a month.

>> MODERATOR: Thank you. We close here.
"""

REGISTERED = """IGF 2012 - Open forum on community networks

>> ASTRID VOLKOVA: Good morning. Kofi, please.

>> KOFI ADJEI-MENSAH: Thank you. Kofi Adjei-Mensah, Dynamic Coalition on Community Connectivity Kigali Chapter. Regulators must reserve spectrum for community networks.

>> ASTRID VOLKOVA: Thank you. We close here.
"""


def _actor(found, words: str) -> tuple[str | None, str | None]:
    item = next(i for i in found.items if words in i.quote)
    return item.coalition, item.org


def test_a_coalition_named_in_full_past_the_registrys_match_is_the_one_named():
    found = items_of(Y2011, "igf2011-open-forum-rivers.txt")
    coalition, org = _actor(found, "masts")
    assert coalition != "DC on Community Connectivity"
    assert (coalition or org) == "Dynamic Coalition on Connectivity for River Towns"


def test_the_same_ask_of_two_years_joins_under_the_full_name():
    first = items_of(Y2011, "igf2011-open-forum-rivers.txt")
    second = items_of(Y2014, "igf2014-open-forum-rivers.txt")
    items = place_items([(2011, (2011,), first), (2014, (2014,), second)])
    asks = [i for i in items if "mast" in i.quote]
    assert len(asks) == 2
    linked = link_items(items, make_scorer(items, "lexical"))
    together = [t for t in linked.threads if sum("mast" in i.quote for i in t.items) == 2]
    assert together, [(t.id, [i.quote for i in t.items]) for t in linked.threads]


def test_a_lower_case_mention_is_the_full_name_the_session_writes_in_capitals():
    found = items_of(LOWER, "igf2016-workshop-sirens.txt")
    coalition, org = _actor(found, "sirens once a month")
    assert (coalition or org) == "Dynamic Coalition on Public Sirens"


def test_a_registered_coalition_said_in_full_stays_the_registrys():
    found = items_of(REGISTERED, "igf2012-open-forum-community-networks.txt")
    assert _actor(found, "spectrum") == ("DC on Community Connectivity", None)
