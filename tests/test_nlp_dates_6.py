"""Event-date rules of session 5, on synthetic press-style Indonesian text (fictional places and names): an
incident's hour told inside the source's account still dates the event, and commas written for the slashes of a
weekday date."""

from datetime import date

from nlp.dates import find_dates
from tests.test_nlp_dates_3 import ev

# a quote dated by the day it was given, then the source's account
_QUOTED = ("Petugas Lapas Sukamaju menggagalkan penyelundupan sabu dengan drone.\n"
           "\"Petugas jaga mendengar suara drone,\" ucap Kalapas Sukamaju, Budi Raharja kepada awak media, "
           "Jumat (2/9/2022).\n")


def test_incident_hour_inside_the_account_dates_the_event():
    text = (_QUOTED +
            "Budi menjelaskan, drone itu melintas dua kali di atas blok hunian pada Kamis malam (1/9) pukul 20.20.")
    assert ev(text, date(2022, 9, 2)) == date(2022, 9, 1)


def test_quoted_day_stays_without_an_incident_hour():
    text = (_QUOTED +
            "Budi menjelaskan, rapat evaluasi sudah digelar bersama Polres Sukamaju.")
    assert ev(text, date(2022, 9, 2)) == date(2022, 9, 2)


def test_commas_for_slashes_before_a_four_digit_year():
    text = "Sukamaju - Sembilan anak binaan LPKA Sukamaju mengikuti UNBK, Senin (1,4,2019). Ujian berjalan lancar."
    assert ev(text, None) == date(2019, 4, 1)


def test_comma_decimal_after_a_weekday_is_no_date():
    text = "Petugas Lapas Sukamaju menyita sabu pada Rabu (2,5 kilogram) dan Kamis, 1,5 ton beras juga disita."
    assert not [d for d in find_dates(text, date(2022, 9, 2)) if "," in d.text and d.date is not None]
