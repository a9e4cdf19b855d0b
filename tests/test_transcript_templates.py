"""The generic fallback: a speaker-marking template learned from the file's own regularity."""

from forumlens.transcript.parse import parse_by_template, parse_transcript
from forumlens.transcript.templates import learn_template, read_template

# An invented layout no reader was written for: a tally number, the speaker, a `//`-free
# separator (`»`), the speech on the same line; wrapped lines carry on the speech.
INLINE = """Minutes of the village radio call, taken by hand
#014 Amara Osei » we have power again in the north ward since Tuesday
#015 Lucia Brandt » good, then the school can open the lab again
the teachers asked about it twice last week
#016 Amara Osei » yes, but the mast still needs a new battery
#017 Tomas Lind » I can bring one from the depot on Friday
#018 Lucia Brandt » please do, and send the receipt to the council
#019 Amara Osei » agreed, we close the call here
"""

# An invented head layout: the speaker, then a fixed tail (`rang in`), the speech below.
HEADS = """Amara Osei rang in:
the road to the clinic is closed after the rain
Tomas Lind rang in:
we will send the grader tomorrow morning
Amara Osei rang in:
thank you, the nurses will be glad
Tomas Lind rang in:
one more thing: the bridge needs checking too
"""


def test_an_inline_template_is_learned_and_reads_each_speaker() -> None:
    session = parse_by_template(INLINE)
    assert [t.speaker for t in session.turns] == [
        "Amara Osei",
        "Lucia Brandt",
        "Amara Osei",
        "Tomas Lind",
        "Lucia Brandt",
        "Amara Osei",
    ]
    assert session.turns[1].text.startswith("good, then the school")
    assert "the teachers asked about it twice" in session.turns[1].text  # a wrapped line stays in its turn
    assert session.turns[0].text in INLINE  # verbatim slices


def test_a_head_template_has_its_fixed_tail_word_outside_the_name() -> None:
    marks = read_template(HEADS)
    assert marks is not None
    assert [m.label for m in marks.marks] == ["Amara Osei", "Tomas Lind", "Amara Osei", "Tomas Lind"]
    session = parse_by_template(HEADS)
    assert session.turns[0].text.startswith("the road to the clinic")


def test_prose_has_no_template() -> None:
    prose = "\n".join(
        f"Paragraph {i}: the forum discussed item {i} of the agenda and moved on to the next one." for i in range(12)
    )
    assert learn_template(prose) is None  # the slot value never changes: no speakers
    assert learn_template("Amara Osei » hello\nTomas Lind » hi\n") is None  # too few lines to be evidence


def test_the_normal_parse_falls_back_to_the_template_only_when_it_found_few_turns() -> None:
    calls = [("Tomas Lind", "mast"), ("Lucia Brandt", "lab"), ("Amara Osei", "road"), ("Lucia Brandt", "depot")] * 3
    long_inline = "Minutes of the village radio call\n" + "".join(
        f"#{20 + i:03d} {name} ~ point {i} about the {what} is noted for call {i}\n"
        for i, (name, what) in enumerate(calls)
    )
    session = parse_transcript(long_inline)  # no reader knows `#020 Name ~ speech`
    assert [t.speaker for t in session.turns] == [name for name, _ in calls]
    captions = ">> JO LI: Good morning.\n>> ANA RUIZ: Thank you.\n" * 3  # read by the rules: no fallback
    assert [t.speaker for t in parse_transcript(captions).turns] == ["Jo Li", "Ana Ruiz"] * 3


# An invented hall of one-off speakers: each label is marked (`>> `, a colon) and most appear
# once, two lines in a row by one speaker, an apposition before the colon, a numbered voice.
HALL = """REGIONAL FORUM ON RURAL POWER, AFTERNOON
>> Chair Ines Varga: Welcome back, we continue with the floor.
>> Chair Ines Varga: Please keep to two minutes each.
>> Ruth Okafor (Lagos Hub): The diesel price doubled since March.
>> Speaker 2: Can I add one point from the back of the room?
>> Chair Ines Varga: Go ahead, briefly.
>> Speaker 2: The grid maps are ten years old.
>> Pavel Nemec, Ministry of Energy: We are updating them this year.
>> Chair Ines Varga: Thank you all, we close here.
"""

# An invented meeting-app copy: the speaker and a time on one line, the speech below.
TIMED = """Weekly call
Amara Osei   0:04
the road to the clinic is closed after the rain
Tomas Lind   0:19
we will send the grader tomorrow morning
Amara Osei   0:31
thank you, the nurses will be glad
Tomas Lind   0:40
one more thing: the bridge needs checking too
"""


def test_a_marked_label_reads_one_off_speakers_appositions_and_numbered_voices() -> None:
    turns = parse_by_template(HALL).turns
    assert [t.label for t in turns] == [
        "Chair Ines Varga",
        "Chair Ines Varga",  # each labelled line is a turn, as the caption rules read it
        "Ruth Okafor (Lagos Hub)",  # the label as written, its card kept: the speaker is the name
        "Speaker 2",
        "Chair Ines Varga",
        "Speaker 2",
        "Pavel Nemec, Ministry of Energy",
        "Chair Ines Varga",
    ]
    assert turns[2].text.endswith("The diesel price doubled since March.")
    assert turns[2].speaker == "Ruth Okafor" and turns[6].speaker == "Pavel Nemec"


def test_a_time_after_the_name_is_no_speech_on_the_line() -> None:
    learned = learn_template(TIMED)
    assert learned is not None
    template, found = learned
    assert template.sep is None  # a head: the speech is the line below, not `0:04`
    assert [r.value for r in found] == ["Amara Osei", "Tomas Lind", "Amara Osei", "Tomas Lind"]


# An invented hub chat copied from a desktop messenger: the name in brackets, then the clock.
STAMPED_CHAT = """Chat with the Mombasa remote hub
[Halima Njeri] [4:02 PM] We are nine in the library, the sound is fine
[Ruben Okoth] [4:03 PM] Slides are not shared yet
[Halima Njeri] [4:05 PM] Question for the panel: who maintains the rural towers?
[Ruben Okoth] [4:07 PM] Sent to the room moderator
[Halima Njeri] [4:09 PM] Thanks, we heard the answer
"""


def test_a_clock_between_the_label_and_the_speech_is_not_speech() -> None:
    session = parse_by_template(STAMPED_CHAT)
    assert [t.speaker for t in session.turns] == ["Halima Njeri", "Ruben Okoth"] * 2 + ["Halima Njeri"]
    assert session.turns[0].text.startswith("We are nine in the library")


# An invented channel log minuted by a scribe: the scribe's nick opens the line, the speaker's
# name follows it with a colon; a participant's own line is theirs; `...` goes on with the turn.
SCRIBED = """10:00:01 <mbot> mbot has joined #rural
10:00:20 <kiptoo> Topic: towers in the valley
10:00:41 <kiptoo> Amina: our tower in the north is down every second week
10:01:02 <kiptoo> ... the diesel comes late in the rain
10:01:15 <oduya> +1, the same in our district
10:01:40 <kiptoo> Joel: we tried solar, it works until June
10:02:05 <kiptoo> Amina: who pays for the batteries?
10:02:30 <oduya> the county, in our case
10:02:51 <kiptoo> Joel: the operator, but only the first set
"""


def test_a_scribes_lines_are_read_by_the_names_the_scribe_wrote() -> None:
    turns = parse_by_template(SCRIBED).turns
    labels = [t.label for t in turns]
    assert labels[1:] == ["Amina", "oduya", "Joel", "Amina", "oduya", "Joel"]  # after the topic
    assert "mbot" not in labels  # `mbot has joined`: the log's record of a join, no turn
    amina = next(t for t in turns if t.label == "Amina")
    assert amina.text.startswith("our tower in the north") and "the diesel comes late" in amina.text
    assert "kiptoo" not in labels  # the scribe wrote, others spoke


# An invented record whose captioner put most labels on a line of their own, some before the speech.
LABEL_ABOVE = """Village power forum, closing panel

== CHAIR:
We start with the district engineer.
== WANJA MUTUA:
Thank you. The grid reaches the market but not the school.
== CHAIR: And the clinic?
== WANJA MUTUA:
The clinic has solar since March.
== PEDRO SALAS:
Thank you. In our valley the clinic waits for the line.
== CHAIR:
Thank you both.
"""


def test_a_label_line_above_its_speech_is_the_same_template_as_a_label_before_it() -> None:
    turns = parse_by_template(LABEL_ABOVE).turns
    assert [t.label for t in turns] == ["CHAIR", "WANJA MUTUA", "CHAIR", "WANJA MUTUA", "PEDRO SALAS", "CHAIR"]
    assert turns[1].text.startswith("Thank you. The grid") and turns[2].text.startswith("And the clinic?")


# An invented focus group: a header block of fields (a file name, a date, names), then the talk.
FIELDS_ABOVE = """Focus group 3, district librarians
Recording: lib_fg3_2014-02-11.wav
Present: Ana Ruiz, Joel Mbeki, Ines Vidal
M: So, first question. Who uses the reading room at night?
R1: Mostly students. They come after the shops close.
R2: In our branch it is the farmers, in the dry season.
M: And the Wi-Fi?
R1: Slow. But they stay anyway.
"""

# An invented channel log: a bot that only posts links, a queue request, a member speaking.
BOT_LINES = """[10:00] <logbot> logging to https://example.org/logs/2014-02-11
[10:01] <ana> the library asked for a second router
[10:02] <joel> q+
[10:02] <joel> we have one spare, I can bring it on Monday
[10:03] <ana> thanks, that solves the reading room
[10:04] <ines> and the branch in the hills?
[10:05] <joel> next month, the budget opens in March
[10:06] <logbot> minutes at https://example.org/logs/2014-02-11.html
"""


def test_header_fields_above_the_first_voice_are_no_turns() -> None:
    turns = parse_by_template(FIELDS_ABOVE).turns
    assert [t.label for t in turns] == ["M", "R1", "R2", "M", "R1"]


def test_a_field_like_line_of_a_voice_that_speaks_is_still_a_turn() -> None:
    talk = FIELDS_ABOVE.replace("M: And the Wi-Fi?", "M: Room 12, 9 PM")
    assert [t.label for t in parse_by_template(talk).turns] == ["M", "R1", "R2", "M", "R1"]


def test_a_voice_that_never_speaks_and_a_queue_request_are_no_turns() -> None:
    turns = parse_by_template(BOT_LINES).turns
    assert [t.label for t in turns] == ["ana", "joel", "ana", "ines", "joel"]
    assert turns[1].text.startswith("we have one spare")


# An invented Hindi-labelled caption: each label closed by the visarga `ः` glued to its last word
# (the script's own colon), the speech in English; the labels' vowel signs are inside words.
GLUED = """ग्राम सभा रेडियो कॉल
संचालकः Good evening, we open the call about the new mast.
अनीता वर्माः The mast is ready but the power line is not connected yet.
संचालकः When will the power company come to connect it?
रमेश यादवः They promised Friday, but they promised last Friday too.
अनीता वर्माः Then we write to the district office tomorrow morning.
संचालकः Agreed, we close the call here.
"""

# Hindi prose: vowel signs close many words before a blank, but no one mark closes line openings.
HINDI_PROSE = """गाँव में नया मस्तूल लगा है लेकिन बिजली अभी नहीं आई है।
लोगों ने कहा कि बिजली विभाग को फिर से लिखना चाहिए।
सभा में सबने मिलकर चिट्ठी लिखने का फ़ैसला किया।
अगले हफ़्ते फिर से बैठक होगी और जवाब पढ़ा जाएगा।
"""


def test_a_mark_glued_to_every_label_is_the_files_colon_and_words_keep_their_vowel_signs() -> None:
    turns = parse_by_template(GLUED).turns
    assert [t.label for t in turns] == ["संचालक", "अनीता वर्मा", "संचालक", "रमेश यादव", "अनीता वर्मा", "संचालक"]
    assert turns[1].text.startswith("The mast is ready")


def test_vowel_signs_closing_words_of_prose_are_no_separator() -> None:
    assert learn_template(HINDI_PROSE) is None


# An invented translated record: each paragraph opens with the speaker and the record's own
# three-mark delimiter (`.--`), the form a stenographic record keeps in translation; long
# enough (12 non-blank lines) for the fallback's first gate to weigh it.
STENOGRAPHIC = """Working translation of the record, for the members
Kisumu, 3 May 2011

Ms. Achieng Otieno.-- Good morning. I open the meeting and give the floor to the engineer.

Mr. Baraka Mwangi.-- Thank you. We ask the county to publish the list of its boreholes.

The second point is the repair budget, which nobody has seen this year.

Ms. Achieng Otieno.-- Thank you. The county, do you want to answer?

Mr. Kiprop Langat.-- Yes. The list will be online before the end of the year.

It will say which boreholes work and which are broken, ward by ward.

The budget is a matter for the assembly, and I will carry the question there.

Mr. Baraka Mwangi.-- Then we will send you the missing ones from the villages.

Ms. Achieng Otieno.-- Very good. We close here.

(The meeting rose at noon.)
"""


def test_a_run_of_marks_the_record_uses_after_each_name_is_its_separator() -> None:
    session = parse_transcript(STENOGRAPHIC)
    assert [t.speaker for t in session.turns] == [
        "Achieng Otieno",
        "Baraka Mwangi",
        "Achieng Otieno",
        "Kiprop Langat",
        "Baraka Mwangi",
        "Achieng Otieno",
    ]
    assert session.turns[1].text.startswith("Thank you. We ask the county")
    assert "repair budget" in session.turns[1].text  # the next paragraph goes on with the turn


# A national assembly's record: `Label. speech`, a minister's long office in comma pieces after
# the titled name the first time and short after; a paragraph of speech with commas below a turn.
OFFICE_RECORD = """Première séance
M. le président. La parole est à Mme Inès Garrigou-Vallat.
Mme Inès Garrigou-Vallat. Monsieur le ministre, les écoles rurales attendent toujours la fibre.
Pendant ce temps, dans ma circonscription, onze écoles attendent, et personne ne répond. Que faites-vous ?
M. le président. La parole est à M. le ministre.
M. Gaspard Lebreton-Ozanne, ministre délégué auprès du Premier ministre, chargé du numérique. Madame la députée, le plan avance.
Mme Inès Garrigou-Vallat. Ce n'est pas assez !
M. Gaspard Lebreton-Ozanne, ministre délégué. Si, madame, c'est un plan sur trois ans.
M. le président. La parole est à Mme Inès Garrigou-Vallat.
Mme Inès Garrigou-Vallat. Trois ans, c'est trop long.
"""

# Minutes with a bracketed time stamp between the label and its colon.
STAMPED_MINUTES = """Sak nr. 2 [10:02:11]
Ingvild Sæterdal-Rygh (Sp) [10:02:40]: President! Bredbånd er viktig for hele landet.
Statsråd Bjarte Liavåg-Strand [10:06:02]: President! Vi bygger ut i år.
Ingvild Sæterdal-Rygh (Sp) [10:09:31]: Takk. Det er godt å høre.
Statsråd Bjarte Liavåg-Strand [10:11:12]: President! Tallene kommer i juni.
Ingvild Sæterdal-Rygh (Sp) [10:13:45]: Takk for svaret.
"""


def test_a_titled_names_office_in_comma_pieces_is_no_speech_and_a_sentence_with_commas_is_no_label() -> None:
    turns = parse_by_template(OFFICE_RECORD).turns
    assert [(t.speaker, t.text.split(",")[0].split(".")[0]) for t in turns] == [
        (None, "La parole est à Mme Inès Garrigou-Vallat"),
        ("Inès Garrigou-Vallat", "Monsieur le ministre"),
        (None, "La parole est à M"),
        ("Gaspard Lebreton-Ozanne", "Madame la députée"),
        ("Inès Garrigou-Vallat", "Ce n'est pas assez !"),
        ("Gaspard Lebreton-Ozanne", "Si"),
        (None, "La parole est à Mme Inès Garrigou-Vallat"),
        ("Inès Garrigou-Vallat", "Trois ans"),
    ]


def test_a_time_stamp_before_the_labels_colon_is_neither_label_nor_speech() -> None:
    turns = parse_by_template(STAMPED_MINUTES).turns
    assert [t.label for t in turns] == [  # the card (`(Sp)`) is the label's, the stamp is not
        "Ingvild Sæterdal-Rygh (Sp)",
        "Statsråd Bjarte Liavåg-Strand",
        "Ingvild Sæterdal-Rygh (Sp)",
        "Statsråd Bjarte Liavåg-Strand",
        "Ingvild Sæterdal-Rygh (Sp)",
    ]
    assert turns[0].speaker == "Ingvild Sæterdal-Rygh"
    assert turns[1].text.startswith("President! Vi bygger")


# A course forum copied as text: `by Name - date` by-lines under a picture line and a subject.
BYLINE_FORUM = """Course ▶ Forums ▶ Week 2 ▶ Remote hubs
Picture of Zainab Oyelowo-Hart
Remote hubs
by Zainab Oyelowo-Hart - Monday, 1 September 2014, 9:02 AM
Please tell us how the hubs followed the opening session.
Permalink | Reply
Picture of Tomasz Wierzbicki-Hall
Re: Remote hubs
by Tomasz Wierzbicki-Hall - Monday, 1 September 2014, 11:40 AM
Our hub in Gdansk had twelve people and the stream held.
Permalink | Show parent | Reply
Picture of Zainab Oyelowo-Hart
Re: Remote hubs
by Zainab Oyelowo-Hart - Tuesday, 2 September 2014, 7:15 AM
Good. Did anyone ask a question remotely?
Permalink | Show parent | Reply
Picture of Tomasz Wierzbicki-Hall
Re: Remote hubs
by Tomasz Wierzbicki-Hall - Tuesday, 2 September 2014, 8:01 AM
One, about the cost of hosting. It was read out.
Permalink | Show parent | Reply
"""


def test_a_by_line_whose_every_speech_is_a_date_heads_the_post_below_it() -> None:
    turns = parse_by_template(BYLINE_FORUM).turns
    assert [(t.speaker, t.text.split("\n")[0]) for t in turns] == [
        ("Zainab Oyelowo-Hart", "Please tell us how the hubs followed the opening session."),
        ("Tomasz Wierzbicki-Hall", "Our hub in Gdansk had twelve people and the stream held."),
        ("Zainab Oyelowo-Hart", "Good. Did anyone ask a question remotely?"),
        ("Tomasz Wierzbicki-Hall", "One, about the cost of hosting. It was read out."),
    ]


# An invented bilingual caption: a speaker whose every turn is a stage note (`(Speaking Quechua)`),
# each followed by the interpreter's turn, read by the learned template alone.
INTERPRETED = """>> CHAIR: Good afternoon, we start with the radio stations.
>> WAYRA QUISPE-MAMANI: (Speaking Quechua)
>> INTERPRETER: The station reaches forty villages, but the licence is only for one.
>> CHAIR: Thank you. Any question from the room?
>> WAYRA QUISPE-MAMANI: (Speaking Quechua)
>> INTERPRETER: We asked the ministry twice and nobody answered us.
>> CHAIR: Then we write to them together after the session.
"""


def test_a_voice_whose_turns_are_stage_notes_still_speaks() -> None:
    # `(Speaking Quechua)` has no sentence end and capitalised words, like a header field's
    # value; a bracketed note is what happened, so the voice keeps its turns
    turns = parse_by_template(INTERPRETED).turns
    assert [t.label for t in turns] == [
        "CHAIR",
        "WAYRA QUISPE-MAMANI",
        "INTERPRETER",
        "CHAIR",
        "WAYRA QUISPE-MAMANI",
        "INTERPRETER",
        "CHAIR",
    ]


# An invented record whose labels end with a full stop: the chair by office, members by an
# initial and a family name with a party, a minister by office and an initial; a header line
# and a short answer that a full stop also closes.
FULL_STOPS = """Plenary record, autumn session
Chaired by the deputy speaker of the 14. Assembly.

Chair. The next item is the report on the forum delegation.
K. Ozola-Mensah (GP). Dear chair! The committee read the report and supports it.
Chair. Thank you. The debate is open.
D. Liepa-Okoro (UF). Dear colleagues! The report says nothing about the regions.
Yes, there too. I ask the ministry to add a broadband plan.
Chair. The minister has the floor.
Transport minister V. Krasts-Adjei. Dear chair! The plan is ready and goes to the cabinet in January.
Chair. Thank you. Member Ozola-Mensah, a short question.
K. Ozola-Mensah (GP). Will the delegation speak about our language online?
Chair. The minister.
Transport minister V. Krasts-Adjei. Yes, it is one of our priorities.
Chair. The debate is closed.
"""


def test_a_full_stop_after_an_initial_does_not_end_the_label() -> None:
    marks = read_template(FULL_STOPS)
    assert marks is not None
    labels = [m.label for m in marks.marks]
    assert "Transport minister V. Krasts-Adjei" in labels
    assert "Transport minister V" not in labels


def test_a_full_stop_closing_a_short_answer_or_a_header_line_is_no_label() -> None:
    marks = read_template(FULL_STOPS)
    assert marks is not None
    labels = [m.label for m in marks.marks]
    assert not any(label.startswith(("Yes", "Chaired")) for label in labels)
    assert len(labels) == 11
