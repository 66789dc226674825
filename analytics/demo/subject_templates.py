"""What the demo shop's customers write in the subject line, per reason path (Dutch).

Each leaf of the reason tree has at least five wordings, some with typos of their own, some
naming an order number (``{order}``), an amount (``{amount}``, written after "€") or a
number of days (``{days}``): one placeholder at most per line. ``analytics.demo.texts``
draws one per contact and adds noise (a greeting, "??", a typo, a vague line instead).
None of them holds personal data, so masking on import would leave them as they are.
"""

from __future__ import annotations

SUBJECTS: dict[str, tuple[str, ...]] = {
    # --- Delivery -------------------------------------------------------------------
    "Delivery > Not delivered > Parcel lost": (
        "Pakket niet ontvangen", "mijn pakket is kwijt", "Bestelling {order} nooit aangekomen",
        "waar is mijn pakket gebleven? al {days} dagen niks", "pakket zoekgeraakt bij vervoerder",
        "Zending vermist", "pakketje lijkt verdwenen",
    ),
    "Delivery > Not delivered > Delivered to neighbour": (
        "Pakket bij de buren afgeleverd?", "bezorgd bij buren maar welke", "Buren hebben mijn pakket niet",
        "afgeleverd bij verkeerd huisnummer", "pakket bij buren, buren niet thuis",
        "bestelling {order} bij de buren neergezet",
    ),
    "Delivery > Not delivered > Marked delivered, not received": (
        "Status bezorgd maar niks ontvangen", "staat als afgeleverd maar ik heb niets",
        "Track en trace zegt bezorgd, pakket niet hier", "bestelling {order} bezorgd?? niet gehad",
        "afgeleverd volgens bezorger maar niet ontvangen", "Bezorgd gemeld, geen pakket",
    ),
    "Delivery > Late > Carrier delay": (
        "Bezorging vertraagd", "pakket komt maar niet", "Vervoerder al {days} dagen te laat",
        "waarom duurt de levering zo lang", "Levering later dan beloofd", "bestelling {order} nog onderweg",
        "pakket ligt al dagen in het sorteercentrum",
    ),
    "Delivery > Late > Out of stock delay": (
        "Bestelling vertraagd ivm voorraad", "artikel niet op voorraad, wanneer geleverd?",
        "Backorder bestelling {order}", "wachten op voorraad duurt lang", "nalevering wanneer?",
        "Product uitverkocht na bestellen",
    ),
    "Delivery > Late > Wrong delivery date": (
        "Verkeerde bezorgdatum", "bezorgdag klopt niet", "Andere leverdatum dan afgesproken",
        "pakket zou vandaag komen maar datum verschoven", "leverdatum in mail is fout",
        "Bezorging op verkeerde dag gepland",
    ),
    "Delivery > Status unknown > Track and trace": (
        "Track en trace werkt niet", "waar is mijn bestelling?", "Geen track & trace informatie",
        "track and trace code geeft niks", "Status zending {order}", "wanneer wordt mijn pakket bezorgd",
        "volgen van pakket lukt niet", "trak en trace niet gekregen",
    ),
    "Delivery > Status unknown > No shipping confirmation": (
        "Geen verzendbevestiging ontvangen", "is mijn bestelling al verzonden?",
        "Nog geen mail dat pakket onderweg is", "verzendbevestiging bestelling {order}",
        "wanneer wordt er verzonden", "Geen bericht over verzending",
    ),
    "Delivery > Damaged": (
        "Pakket beschadigd aangekomen", "doos kapot bij levering", "Beschadigde zending",
        "verpakking was open en beschadigd", "pakket {order} nat en kapot", "schade aan pakket",
    ),
    "Delivery > Delivery options > Change delivery date": (
        "Bezorgdatum wijzigen", "kan de levering een dag later?", "Andere bezorgdag kiezen",
        "ben niet thuis op bezorgdag", "levering verzetten bestelling {order}", "bezorgmoment aanpassen",
    ),
    "Delivery > Delivery options > Pick-up point": (
        "Bezorgen bij afhaalpunt", "pakket naar servicepunt sturen", "Ophalen bij pakketpunt mogelijk?",
        "afhaalpunt wijzigen", "kan ik het zelf ophalen", "Pakketpunt in de buurt kiezen",
    ),
    "Delivery": (
        "Vraag over levering", "bezorging", "Levering bestelling {order}", "vraag over mijn pakket",
        "Verzending", "info over bezorgen",
    ),
    # --- Order ----------------------------------------------------------------------
    "Order > Change > Address": (
        "Adres wijzigen", "verkeerd adres opgegeven", "Afleveradres aanpassen bestelling {order}",
        "ander bezorgadres graag", "adreswijziging", "Huisnummer fout ingevuld",
    ),
    "Order > Change > Items": (
        "Artikel toevoegen aan bestelling", "bestelling aanpassen", "Ander artikel in mijn order",
        "product vergeten toe te voegen", "aantal wijzigen bestelling {order}", "Maat in bestelling wijzigen",
    ),
    "Order > Change > Delivery method": (
        "Verzendmethode wijzigen", "toch liever afhalen ipv bezorgen", "Snellere verzending mogelijk?",
        "bezorgoptie aanpassen", "van standaard naar express verzending", "Verzendwijze order {order}",
    ),
    "Order > Cancel > Changed mind": (
        "Bestelling annuleren", "wil mijn order annuleren", "Annulering bestelling {order}",
        "toch niet nodig, annuleren aub", "bestelling intrekken", "Ik wil annuleren",
    ),
    "Order > Cancel > Ordered twice": (
        "Dubbel besteld", "per ongeluk twee keer besteld", "Twee keer dezelfde bestelling",
        "dubbele order {order} annuleren", "bestelling staat er 2x in", "Dubbele bestelling",
    ),
    "Order > Cancel > Too slow": (
        "Annuleren, duurt te lang", "levering te traag, annuleer maar", "Bestelling annuleren wegens vertraging",
        "al {days} dagen wachten, wil annuleren", "te lang onderweg, annulering", "Order {order} duurt te lang",
    ),
    "Order > Confirmation > Not received": (
        "Geen orderbevestiging ontvangen", "bevestigingsmail niet gekregen", "Is mijn bestelling gelukt?",
        "geen bevestiging na betalen", "orderbevestiging ontbreekt", "Bestelling geplaatst maar geen mail",
    ),
    "Order > Confirmation > Wrong details": (
        "Fout in orderbevestiging", "bevestiging klopt niet", "Verkeerde gegevens in bevestiging {order}",
        "naam verkeerd gespeld op bevestiging", "orderbevestiging met verkeerde artikelen",
        "Prijs in bevestiging anders",
    ),
    "Order > Discount code": (
        "Kortingscode werkt niet", "kortingscode ongeldig", "Actiecode niet geaccepteerd",
        "korting niet verrekend", "vergeten kortingscode in te vullen", "Code geeft foutmelding",
        "kortings code verlopen?",
    ),
    "Order": (
        "Vraag over bestelling", "bestelling {order}", "Mijn order", "vraag over mijn order",
        "Bestelling geplaatst", "order info",
    ),
    # --- Payment --------------------------------------------------------------------
    "Payment > Refund > Not received": (
        "Terugbetaling niet ontvangen", "geld nog niet terug", "Wanneer krijg ik mijn geld terug?",
        "retour al {days} dagen geleden, nog geen terugbetaling", "terugstorting € {amount} ontbreekt",
        "Restitutie bestelling {order}", "geld terug?",
    ),
    "Payment > Refund > Amount wrong": (
        "Verkeerd bedrag terugbetaald", "te weinig terugbetaald", "Terugbetaling klopt niet",
        "€ {amount} te weinig teruggestort", "verzendkosten niet terugbetaald", "Bedrag restitutie onjuist",
    ),
    "Payment > Invoice > Copy needed": (
        "Kopie factuur", "factuur opnieuw sturen", "Factuur kwijt", "graag de factuur van bestelling {order}",
        "waar vind ik mijn factuur", "Factuur nodig voor garantie",
    ),
    "Payment > Invoice > VAT invoice": (
        "Factuur met BTW", "btw factuur nodig voor bedrijf", "Zakelijke factuur op bedrijfsnaam",
        "factuur met btw-nummer graag", "BTW apart vermelden op factuur", "Factuur op naam van bedrijf",
    ),
    "Payment > Invoice > Incorrect": (
        "Factuur klopt niet", "fout op factuur", "Verkeerd bedrag op factuur",
        "factuur € {amount} te hoog", "factuur met verkeerde artikelen", "Onjuiste factuur {order}",
    ),
    "Payment > Payment failed > iDEAL": (
        "iDEAL betaling mislukt", "betalen met ideal lukt niet", "Geld afgeschreven maar betaling mislukt",
        "ideal foutmelding bij afrekenen", "Betaling via iDEAL niet gelukt", "ideal betaling {order} hangt",
    ),
    "Payment > Payment failed > Credit card": (
        "Creditcard geweigerd", "betaling met creditcard mislukt", "Visa betaling gaat niet door",
        "creditcard wordt niet geaccepteerd", "Mastercard foutmelding", "kaart geweigerd bij betalen",
    ),
    "Payment > Pay later > Reminder": (
        "Betalingsherinnering ontvangen", "herinnering maar al betaald", "Aanmaning terwijl ik betaald heb",
        "herinnering achteraf betalen € {amount}", "Waarom een herinnering?", "betaalherinnering klopt niet",
    ),
    "Payment > Pay later > Collection agency": (
        "Incassobureau", "brief van incassobureau ontvangen", "Incasso terwijl al betaald",
        "deurwaarder ingeschakeld??", "Incassokosten € {amount} onterecht", "incasso bureau bestelling {order}",
    ),
    # --- Returns --------------------------------------------------------------------
    "Returns > Label > Not received": (
        "Retourlabel niet ontvangen", "geen retour label gekregen", "Waar blijft mijn retourlabel?",
        "retourlabel aangevraagd maar niks", "Geen mail met retourlabel", "retourlabel bestelling {order}",
    ),
    "Returns > Label > Does not work": (
        "Retourlabel printen lukt niet", "retourlabel pdf opent niet", "Link naar retourlabel werkt niet",
        "retourlabel geeft foutmelding", "kan retourlabel niet downloaden", "Retourlabel onleesbaar geprint",
    ),
    "Returns > Return policy > Deadline": (
        "Hoe lang kan ik retourneren?", "retourtermijn verlopen?", "Nog retour na {days} dagen?",
        "bedenktijd", "Retourneren na 30 dagen mogelijk?", "termijn retour",
    ),
    "Returns > Return policy > Costs": (
        "Kosten retourneren", "is retourneren gratis?", "Retourkosten € {amount} terug?",
        "wie betaalt de retourzending", "Waarom retourkosten?", "retour verzendkosten",
    ),
    "Returns > Pick-up > Not collected": (
        "Retour niet opgehaald", "pakket voor retour niet opgehaald", "Ophaalafspraak niet nagekomen",
        "bezorger kwam niet retour ophalen", "Retourpakket staat nog hier", "ophalen retour {order} mislukt",
    ),
    "Returns > Exchange > Other size": (
        "Ruilen voor andere maat", "te klein, andere maat graag", "Omruilen maat",
        "maat valt groot, ruilen", "Andere maat bestelling {order}", "ruilen maat M naar L",
    ),
    "Returns > Exchange > Other colour": (
        "Ruilen andere kleur", "kleur valt tegen, omruilen", "Andere kleur gewenst",
        "kleur anders dan op foto", "Omruilen voor zwart", "ruil kleur bestelling {order}",
    ),
    "Returns > Return status": (
        "Status retour", "is mijn retour ontvangen?", "Retour al {days} dagen onderweg",
        "retourzending aangekomen?", "Stand van zaken retour {order}", "retour verwerkt?",
    ),
    # --- Product --------------------------------------------------------------------
    "Product > Defect > Broken on arrival": (
        "Product kapot aangekomen", "defect bij ontvangst", "Artikel werkt niet uit de doos",
        "kapot geleverd", "Scherm gebarsten bij levering", "product stuk bij uitpakken",
    ),
    "Product > Defect > Stopped working": (
        "Product werkt niet meer", "na {days} dagen kapot", "Apparaat doet het niet meer",
        "gaat niet meer aan", "Defect na korte tijd", "stopt er steeds mee",
    ),
    "Product > Information > Size": (
        "Welke maat moet ik hebben?", "maattabel", "Valt deze maat klein?", "vraag over maat",
        "Afmetingen product", "hoe groot is dit artikel",
    ),
    "Product > Information > Specifications": (
        "Specificaties product", "vraag over specs", "Is dit product geschikt voor buiten?",
        "welk materiaal is het", "Technische gegevens", "werkt dit met mijn telefoon?",
    ),
    "Product > Information > Availability": (
        "Wanneer weer op voorraad?", "product uitverkocht", "Komt dit artikel terug?",
        "voorraad in winkel", "Levertijd van dit product", "op voorraad?",
    ),
    "Product > Warranty > Repair": (
        "Reparatie onder garantie", "garantie reparatie aanvragen", "Product laten repareren",
        "valt dit onder garantie?", "Garantieclaim reparatie", "reparatie duurt lang",
    ),
    "Product > Warranty > Replacement": (
        "Vervangend product garantie", "nieuw exemplaar onder garantie", "Omruilen onder garantie",
        "garantie vervanging aanvragen", "Vervanging defect artikel", "krijg ik een nieuwe?",
    ),
    "Product > Missing parts": (
        "Onderdelen ontbreken", "schroeven missen", "Niet compleet geleverd",
        "handleiding ontbreekt", "Onderdeel vergeten in doos", "mist een onderdeel bestelling {order}",
    ),
    # --- Account --------------------------------------------------------------------
    "Account > Login > Password": (
        "Wachtwoord vergeten", "kan niet inloggen", "Wachtwoord resetten lukt niet",
        "reset mail niet ontvangen", "Inloggen mislukt", "wachtwoord werkt niet meer", "wachtwoord vergete",
    ),
    "Account > Login > Two-factor code": (
        "Geen verificatiecode ontvangen", "sms code komt niet", "Tweestapsverificatie werkt niet",
        "inlogcode ongeldig", "Verificatie code verlopen", "2FA probleem",
    ),
    "Account > Login > Account blocked": (
        "Account geblokkeerd", "account op slot", "Mijn account is geblokkeerd",
        "te vaak fout ingelogd", "Account gedeblokkeerd krijgen", "geblokkeerd account",
    ),
    "Account > Personal data > Change e-mail": (
        "E-mailadres wijzigen", "ander mailadres instellen", "Emailadres aanpassen in account",
        "nieuw e-mail adres", "Wijzigen van mijn mail", "mailadres veranderen",
    ),
    "Account > Personal data > Delete account": (
        "Account verwijderen", "graag mijn gegevens verwijderen", "Account opzeggen",
        "verwijder mijn account aub", "Gegevens wissen", "uitschrijven als klant",
    ),
    "Account > Newsletter > Unsubscribe": (
        "Afmelden nieuwsbrief", "geen mails meer graag", "Uitschrijven nieuwsbrief",
        "stop met mailen", "Nieuwsbrief opzeggen", "te veel reclame mails",
    ),
    "Account > Website error > Checkout": (
        "Afrekenen lukt niet", "foutmelding bij afrekenen", "Winkelwagen werkt niet",
        "kan bestelling niet afronden", "Website loopt vast bij betalen", "error bij checkout",
    ),
    "Account > Website error > App": (
        "App werkt niet", "app crasht steeds", "Inloggen in app lukt niet",
        "app blijft laden", "Foutmelding in de app", "app update probleem",
    ),
    # --- Other: vague, mixed, or about something the tree has no place for ----------
    "Other": (
        "Vraag", "ik heb een vraag", "Graag contact", "klacht", "vraag over levering en factuur",
        "Zie mijn eerdere mail", "terugbellen aub", "Informatie", "retour en terugbetaling vraag",
        "compliment voor de service", "Samenwerking", "vraag over jullie winkel",
        "account en bestelling probleem", "Algemene vraag", "?", "opmerking",
    ),
}

# A line any contact may carry instead of its own (agents and customers are not precise).
VAGUE: tuple[str, ...] = (
    "vraag", "hallo", "??", "Vraag over mijn bestelling", "graag contact", "terugbellen aub", "klacht",
    "info", "zie mail", "help", "Nog steeds geen antwoord", "contactformulier", "Re: uw bestelling",
    "bericht", "dringend",
)
PREFIXES: tuple[str, ...] = ("Hallo, ", "Vraag: ", "Re: ", "Goedemiddag, ", "Beste, ", "URGENT ", "Fw: ")
SUFFIXES: tuple[str, ...] = ("??", "!!", " graag snel antwoord", " alvast bedankt", " mvg", "?", " !!!",
                             " (2e keer dat ik mail)")

# The new problem hidden inside "Other" (analytics.demo.hidden_problem).
HIDDEN_PROBLEM: tuple[str, ...] = (
    "QR-code retourlabel werkt niet", "retourlabel QR code niet te scannen", "QR code retour wordt niet herkend",
    "kan qr-code van retour niet scannen", "QR retourlabel ongeldig?", "scanner bij pakketpunt leest qr code niet",
    "qr code retourzending geeft foutmelding", "QR-code in retourmail werkt niet bij servicepunt",
    "retour qr code ongeldig volgens pakketpunt", "qr-code retourlable doet het niet",
    "QR code voor retour niet geaccepteerd", "retourneren lukt niet, qr code fout",
)
