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
