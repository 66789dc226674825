"""Text for the seasonal baseline: the notes on how it was fitted and why it could not be."""

EN: dict[str, str] = {
    "baseline.unforeseen_left_out": "{days} days of unforeseen events were left out of the fit.",
    "baseline.poisson": "The counts show no overdispersion: a Poisson model is used.",
    "baseline.no_exposure_days": "{days} days without a positive exposure were left out of the fit.",
    "baseline.short_history": "Less than a year of history: no yearly season modelled, and no trend; the level "
                              "follows the most recent weeks.",
    "baseline.low_volume": "Low volume (about {per_day} contacts a day): the yearly season uses {terms} Fourier "
                           "terms instead of {configured}.",
    "baseline.closed_weekday": "No contacts on any {weekday} in the fit period: treated as closed (expected 0).",
    "baseline.closed_holidays": "No contacts on any public holiday in the fit period: holidays treated as closed "
                                "(expected 0).",
    "baseline.no_holiday_effect": "No public holiday with contacts in the fit period: holiday effect not modelled.",
    "baseline.event_kind_unfitted": "Foreseen events of kind '{kind}' have no days in the fit period: their effect "
                                    "is not in the expected values.",
    "baseline.trend_untested": "Too little history to test a trend: the baseline holds the recent level.",
    "baseline.trend_linear": "Over the last year, forecasts with a linear trend were the more accurate, so the "
                             "baseline extrapolates the trend.",
    "baseline.trend_flat": "Over the last year, forecasts without a trend were the more accurate, so the baseline "
                           "holds the recent level.",
    "baseline.trend_unfitted": "The history is too uneven to fit a trend: the baseline holds the recent level.",
    "baseline.unfittable": "The history is too thin or too uneven for the seasonal model ({per_day} contacts a day "
                           "on average, none on {empty} of the days, {recent} a day over the last {days} days), so "
                           "there are no expected values; read the actual counts.",
    "baseline.level_break": "The last {days} days of the history had {recent} contacts a day, against {fitted} a "
                            "day from the seasonal model of the history before them: a change of more than "
                            "{factor} times, about which that history says nothing. There are no expected values; "
                            "read the actual counts.",
    "baseline.no_contacts_to_fit": "The history has no contacts outside unforeseen events, so there is nothing to "
                                   "model.",
    "baseline.need_history": "A baseline needs at least {need} of history; this series has {have}.",
    "baseline.weeks": "{n} weeks",
    "baseline.days": "{n} days",
    "baseline.days_usable": "{n} days, {usable} of them usable",
    "baseline.none_before_period": "A baseline needs at least 8 weeks of history before the period; there is none "
                                   "before this period.",
    "baseline.none_before_contacts": "A baseline needs at least 8 weeks of history before the period; these "
                                     "contacts have none before it.",
    "baseline.backtest_history": "A backtest needs at least {need} days of history before its first origin; this "
                                 "series has {have} days.",
}

NL: dict[str, str] = {
    "baseline.unforeseen_left_out": "{days} dagen met onvoorziene gebeurtenissen zijn buiten de schatting gelaten.",
    "baseline.poisson": "De aantallen tonen geen overdispersie: er wordt een Poisson-model gebruikt.",
    "baseline.no_exposure_days": "{days} dagen zonder positieve blootstelling zijn buiten de schatting gelaten.",
    "baseline.short_history": "Minder dan een jaar historie: geen jaarseizoen en geen trend gemodelleerd; het "
                              "niveau volgt de meest recente weken.",
    "baseline.low_volume": "Laag volume (ongeveer {per_day} contacten per dag): het jaarseizoen gebruikt {terms} "
                           "Fourier-termen in plaats van {configured}.",
    "baseline.closed_weekday": "Geen contacten op welke {weekday} dan ook in de schattingsperiode: behandeld als "
                               "gesloten (verwacht 0).",
    "baseline.closed_holidays": "Geen contacten op welke feestdag dan ook in de schattingsperiode: feestdagen "
                                "behandeld als gesloten (verwacht 0).",
    "baseline.no_holiday_effect": "Geen feestdag met contacten in de schattingsperiode: feestdageffect niet "
                                  "gemodelleerd.",
    "baseline.event_kind_unfitted": "Voorziene gebeurtenissen van de soort '{kind}' hebben geen dagen in de "
                                    "schattingsperiode: hun effect zit niet in de verwachte waarden.",
    "baseline.trend_untested": "Te weinig historie om een trend te toetsen: de verwachting houdt het recente niveau "
                               "aan.",
    "baseline.trend_linear": "Over het afgelopen jaar waren voorspellingen met een lineaire trend nauwkeuriger, dus "
                             "de verwachting trekt de trend door.",
    "baseline.trend_flat": "Over het afgelopen jaar waren voorspellingen zonder trend nauwkeuriger, dus de "
                           "verwachting houdt het recente niveau aan.",
    "baseline.trend_unfitted": "De historie is te grillig om een trend te schatten: de verwachting houdt het "
                               "recente niveau aan.",
    "baseline.unfittable": "De historie is te dun of te grillig voor het seizoensmodel (gemiddeld {per_day} "
                           "contacten per dag, op {empty} van de dagen geen enkel, {recent} per dag over de laatste "
                           "{days} dagen), dus er zijn geen verwachte waarden; lees de werkelijke aantallen.",
    "baseline.level_break": "De laatste {days} dagen van de historie hadden {recent} contacten per dag, tegen "
                            "{fitted} per dag volgens het seizoensmodel van de historie daarvoor: een verandering "
                            "van meer dan {factor} keer, waarover die historie niets zegt. Er zijn geen verwachte "
                            "waarden; lees de werkelijke aantallen.",
    "baseline.no_contacts_to_fit": "De historie heeft geen contacten buiten onvoorziene gebeurtenissen, dus er valt "
                                   "niets te modelleren.",
    "baseline.need_history": "Een verwachting heeft minstens {need} historie nodig; deze reeks heeft {have}.",
    "baseline.weeks": "{n} weken",
    "baseline.days": "{n} dagen",
    "baseline.days_usable": "{n} dagen, waarvan {usable} bruikbaar",
    "baseline.none_before_period": "Een verwachting heeft minstens 8 weken historie vóór de periode nodig; er is "
                                   "niets vóór deze periode.",
    "baseline.none_before_contacts": "Een verwachting heeft minstens 8 weken historie vóór de periode nodig; deze "
                                     "contacten hebben daarvoor geen historie.",
    "baseline.backtest_history": "Een backtest heeft minstens {need} dagen historie vóór het eerste startpunt "
                                 "nodig; deze reeks heeft {have} dagen.",
}
