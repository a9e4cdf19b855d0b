"""Date filters: what is accepted, and a clear error for everything else."""

import pytest

from forumlens.dates import BadDate, parse_year_bound, year_range


@pytest.mark.parametrize(
    ("typed", "year"),
    [
        ("2021", 2021),
        (" 2021 ", 2021),
        ("2021-06", 2021),
        ("2021-6", 2021),
        ("2021-06-30", 2021),
        ("2024-02-29", 2024),
        (2019, 2019),
        (None, None),
    ],
)
def test_years_months_and_days_give_their_year(typed, year):
    assert parse_year_bound(typed, name="--since") == year


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("21", "is not a date"),
        ("last year", "is not a date"),
        ("", "is empty"),
        ("2021-13-01", "no month 13"),
        ("2019-02-30", "not a day of the calendar"),
        ("2023-02-29", "not a day of the calendar"),
        ("0021", "not a year of the record"),
        ("2021/06/01", "is not a date"),
        (21, "not a year of the record"),
    ],
)
def test_anything_else_is_a_usage_error_that_says_what_is_accepted(typed, says):
    with pytest.raises(BadDate) as caught:
        parse_year_bound(typed, name="--since")
    assert says in str(caught.value) and "--since" in caught.value.render()
    assert caught.value.status == 400


def test_an_empty_form_field_means_no_bound_where_allowed():
    assert year_range("", "", allow_empty=True) == (None, None)


def test_bounds_in_the_wrong_order_are_refused():
    assert year_range("2019", "2021-12-31") == (2019, 2021)
    with pytest.raises(BadDate, match="after"):
        year_range("2022", "2021")
