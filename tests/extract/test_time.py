"""Dates: every form the resolver reads, on short sentences, against a Friday publication date."""
from __future__ import annotations

from datetime import date

import pytest

from wirecoder.extract.time import anchor_before, date_for_span, extract_dates

PUB = date(2024, 1, 12)  # a Friday


def _dates(nlp, text, published=PUB):
    return extract_dates(nlp(text), published)


def _only(nlp, text, phrase, published=PUB):
    found = [d for d in _dates(nlp, text, published) if d.text == phrase]
    assert len(found) == 1, [d.text for d in _dates(nlp, text, published)]
    ref = found[0]
    assert text[ref.start:ref.end] == phrase
    return ref


@pytest.mark.parametrize("text, phrase, value, precision", [
    ("On 14 December the army moved north.", "14 December", date(2023, 12, 14), "day"),
    ("The vote was held on 14 December 2023 in the capital.", "14 December 2023", date(2023, 12, 14), "day"),
    ("The file is dated 2023-12-14 by the clerk.", "2023-12-14", date(2023, 12, 14), "day"),
    ("Officials met on Dec. 14 to talk.", "Dec. 14", date(2023, 12, 14), "day"),
    ("The treaty was signed December 14, 2023, in Doha.", "December 14, 2023", date(2023, 12, 14), "day"),
    ("The parliament voted in December 2023 on the budget.", "December 2023", date(2023, 12, 1), "month"),
    ("Elections were held in 2020 across the region.", "2020", date(2020, 1, 1), "year"),
    ("Talks resumed today in the capital.", "today", PUB, "day"),
    ("Rockets hit the base early this morning.", "early this morning", PUB, "day"),
    ("Rockets hit the base this morning.", "this morning", PUB, "day"),
    ("The minister will speak tonight on television.", "tonight", PUB, "day"),
    ("Gunmen attacked a checkpoint yesterday.", "yesterday", date(2024, 1, 11), "day"),
    ("Troops withdrew last month from the town.", "last month", date(2023, 12, 1), "month"),
    ("The convoy was ambushed two days ago near the border.", "two days ago", date(2024, 1, 10), "day"),
    ("Protesters gathered earlier this week outside the embassy.", "earlier this week", date(2024, 1, 8), "week"),
    ("Fighting broke out last week in the south.", "last week", date(2024, 1, 1), "week"),
])
def test_time_resolves_each_form(nlp, text, phrase, value, precision):
    ref = _only(nlp, text, phrase)
    assert (ref.value, ref.precision, ref.open_end) == (value, precision, False)


def test_time_since_day_is_open_at_the_end(nlp):
    ref = _only(nlp, "Militias have struck the bases since 17 October, officials said.", "since 17 October")
    assert (ref.value, ref.end_value, ref.open_end, ref.precision) == (date(2023, 10, 17), None, True, "day")


def test_time_since_year_is_open_at_the_end(nlp):
    ref = _only(nlp, "Since 2021, the force has kept troops in the north.", "Since 2021")
    assert (ref.value, ref.precision, ref.open_end) == (date(2021, 1, 1), "year", True)


def test_time_mid_month_is_days_11_to_20_at_month_precision(nlp):
    ref = _only(nlp, "The raids began in mid-October and never stopped.", "mid-October")
    assert (ref.value, ref.end_value, ref.precision) == (date(2023, 10, 11), date(2023, 10, 20), "month")


def test_time_since_mid_month_keeps_the_start_and_opens_the_end(nlp):
    ref = _only(nlp, "There were 90 raids since mid-October in the province.", "since mid-October")
    assert (ref.value, ref.end_value, ref.open_end) == (date(2023, 10, 11), None, True)


def test_time_late_month_after_publication_day_is_last_year(nlp):
    ref = _only(nlp, "The base was hit in late January by drones.", "late January")
    assert (ref.value, ref.end_value) == (date(2023, 1, 21), date(2023, 1, 31))


def test_time_early_month_before_publication_day_is_this_year(nlp):
    ref = _only(nlp, "The base was hit in early January by drones.", "early January")
    assert (ref.value, ref.end_value) == (date(2024, 1, 1), date(2024, 1, 10))


def test_time_weekday_is_the_most_recent_on_or_before_publication(nlp):
    assert _only(nlp, "The strike came on Monday after a warning.", "Monday").value == date(2024, 1, 8)
    assert _only(nlp, "The strike came on Friday after a warning.", "Friday").value == PUB


def test_time_last_and_next_weekday_exclude_the_publication_day(nlp):
    assert _only(nlp, "The strike came last Friday after a warning.", "last Friday").value == date(2024, 1, 5)
    assert _only(nlp, "Talks resume next Friday in Oman.", "next Friday").value == date(2024, 1, 19)


def test_time_weekend_is_saturday_to_sunday_before_publication(nlp):
    ref = _only(nlp, "Two rockets fell over the weekend near the airport.", "the weekend")
    assert (ref.value, ref.end_value, ref.precision) == (date(2024, 1, 6), date(2024, 1, 7), "week")


def test_time_yearless_date_after_publication_month_is_previous_year(nlp):
    assert _only(nlp, "Fighters entered the town on 20 March.", "20 March").value == date(2023, 3, 20)
    assert _only(nlp, "Fighters entered the town on 10 January.", "10 January").value == date(2024, 1, 10)


def test_time_without_publication_relative_and_yearless_stay_unresolved(nlp):
    text = "On 14 December, and again yesterday and last week, drones struck; in 2020 too."
    refs = {d.text: d for d in _dates(nlp, text, published=None)}
    assert refs["14 December"].value is None
    assert refs["yesterday"].value is None
    assert refs["last week"].value is None
    assert refs["2020"].value == date(2020, 1, 1)


def test_time_that_day_takes_the_last_mentioned_date(nlp):
    text = "Drones hit the airport on 3 November. Officials met the envoy that day."
    ref = _only(nlp, text, "that day")
    assert (ref.value, ref.precision) == (date(2023, 11, 3), "day")


def test_time_that_day_resolves_from_an_absolute_date_without_publication(nlp):
    text = "Drones hit the airport on 3 November 2022. Officials met the envoy that day."
    assert _only(nlp, text, "that day", published=None).value == date(2022, 11, 3)


def test_time_the_next_day_shifts_the_anchor(nlp):
    text = "Drones hit the airport on 3 November. The next day, the envoy left."
    assert _only(nlp, text, "The next day").value == date(2023, 11, 4)


def test_time_ordinal_day_takes_the_month_of_the_previous_date(nlp):
    text = "The talks opened on 9 December. By the 14th, they had collapsed."
    assert _only(nlp, text, "the 14th").value == date(2023, 12, 14)


def test_time_ordinal_day_alone_is_the_latest_such_day_before_publication(nlp):
    assert _only(nlp, "The deadline passed on the 10th, officials said.", "the 10th").value == date(2024, 1, 10)
    assert _only(nlp, "The deadline passed on the 14th, officials said.", "the 14th").value == date(2023, 12, 14)


def test_time_decade_is_a_ten_year_range(nlp):
    ref = _only(nlp, "The group was founded in the 1990s by exiles.", "the 1990s")
    assert (ref.value, ref.end_value, ref.precision) == (date(1990, 1, 1), date(1999, 12, 31), "year")


def test_time_qualified_year_is_a_part_of_the_year(nlp):
    ref = _only(nlp, "The offensive started in early 2020 in the west.", "early 2020")
    assert (ref.value, ref.end_value, ref.precision) == (date(2020, 1, 1), date(2020, 4, 30), "year")


def test_time_day_range_within_a_month(nlp):
    ref = _only(nlp, "Talks ran from 10-14 December in Geneva.", "10-14 December")
    assert (ref.value, ref.end_value) == (date(2023, 12, 10), date(2023, 12, 14))


def test_time_past_weeks_run_to_publication(nlp):
    ref = _only(nlp, "Attacks doubled over the past two weeks, the report said.", "the past two weeks")
    assert (ref.value, ref.end_value, ref.precision) == (date(2023, 12, 29), PUB, "week")


@pytest.mark.parametrize("text", [
    "The detainees said nothing during the initial days of questioning.",
    "He served two years in prison.",
    "A 35-year-old man was arrested.",
    "Patrols run daily along the road.",
    "May the talks succeed, he said.",
    "Thousands march through the streets.",
    "The 5th Brigade moved to the border.",
    "Some 1990 fighters joined the offensive.",
    "The last days of the siege were the worst.",
])
def test_time_drops_non_dates(nlp, text):
    assert _dates(nlp, text) == ()


def test_time_ambiguous_month_after_a_preposition_is_a_month(nlp):
    ref = _only(nlp, "The ceasefire collapsed in May and fighting resumed.", "May")
    assert (ref.value, ref.precision) == (date(2023, 5, 1), "month")


def test_time_date_for_span_returns_the_date_inside_the_sentence(nlp):
    text = "Drones hit the airport on Monday. Officials condemned the attack."
    doc = nlp(text)
    dates = extract_dates(doc, PUB)
    first, second = list(doc.sents)
    assert date_for_span(dates, first.start_char, first.end_char, doc).value == date(2024, 1, 8)
    assert date_for_span(dates, second.start_char, second.end_char, doc) is None


def test_time_date_for_span_prefers_the_date_nearest_the_trigger(nlp):
    text = "Talks failed on Monday in Doha, and after a long lull in the north drones hit the airport on Wednesday."
    doc = nlp(text)
    dates = extract_dates(doc, PUB)
    near = text.index("hit")
    assert date_for_span(dates, 0, len(text), doc, near=near).value == date(2024, 1, 10)


def test_time_anchor_before_gives_the_last_day_precision_date(nlp):
    text = "Drones hit the airport on 3 November. In December more came. Officials spoke."
    dates = extract_dates(nlp(text), PUB)
    assert anchor_before(dates, text.index("Officials")).value == date(2023, 11, 3)


def test_time_last_hours_is_a_day_range_ending_at_publication(nlp):
    ref = _only(nlp, "Militias broke the truce 40 times in the last 24 hours.", "the last 24 hours")
    assert (ref.value, ref.end_value, ref.precision) == (date(2024, 1, 11), PUB, "day")


def test_time_hours_ago_stay_on_the_publication_day(nlp):
    assert _only(nlp, "The convoy left three hours ago.", "three hours ago").value == PUB


def test_time_earlier_in_the_day_follows_the_last_date(nlp):
    text = "The envoy landed on 2 January. Earlier in the day, drones struck the port."
    assert _only(nlp, text, "Earlier in the day").value == date(2024, 1, 2)


def test_time_weekday_inside_a_newspaper_name_is_not_a_date(nlp):
    assert _dates(nlp, "He wrote for the Sunday Times for a decade.") == ()
