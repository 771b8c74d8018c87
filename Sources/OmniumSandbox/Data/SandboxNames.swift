import Foundation

/// Norwegian (and a little Swedish) vocabulary for realistic generated data, with æøå on purpose.
enum SandboxNames {
    // MARK: - People

    static let firstNames = ["Åse", "Ola", "Kari", "Bjørn", "Sølvi", "Øystein", "Håkon", "Marte", "Ingrid", "Jørgen",
                             "Siri", "Pål", "Tove", "Ragnhild", "Gunnar", "Frøydis", "Æsa", "Nils", "Astrid", "Kåre",
                             "Liv", "Tor", "Synnøve", "Even", "Mari", "Sindre", "Hege", "Trond", "Grete", "Anders"]
    static let lastNames = ["Nordmann", "Hansen", "Johansen", "Ølstad", "Sæther", "Bråten", "Lie", "Dahl", "Haugen",
                            "Strøm", "Fjørtoft", "Kvåle", "Berg", "Løvås", "Aasen", "Solberg", "Ødegård", "Bakke",
                            "Hågensen", "Næss", "Engebråten", "Moe", "Tveit", "Myklebust"]

    // MARK: - Places

    /// (street, postal code, city)
    static let addresses: [(String, String, String)] = [
        ("Storgata", "0155", "Oslo"), ("Bjørnstjerne Bjørnsons gate", "0358", "Oslo"), ("Øvre Slottsgate", "0157", "Oslo"),
        ("Strandkaien", "5013", "Bergen"), ("Kongens gate", "7011", "Trondheim"), ("Sjøgata", "9008", "Tromsø"),
        ("Løkkeveien", "4008", "Stavanger"), ("Kirkegata", "6004", "Ålesund"), ("Dronningens gate", "8006", "Bodø"),
        ("Nygaardsgata", "1606", "Fredrikstad"), ("Bragernes torg", "3017", "Drammen"), ("Storgata", "2609", "Lillehammer"),
        ("Torggata", "2317", "Hamar"), ("Markens gate", "4611", "Kristiansand"), ("Haraldsgata", "5527", "Haugesund"),
    ]

    /// (store id, store name, street, number, postal code, city, latitude, longitude)
    static let storeSites: [(String, String, String, String, String, String, String, String)] = [
        ("oslo-storo", "Oslo Storo", "Vitaminveien", "7", "0485", "Oslo", "59.9466", "10.7787"),
        ("bergen-lagunen", "Bergen Lagunen", "Laguneveien", "1", "5239", "Rådal", "60.2952", "5.3306"),
        ("trondheim-solsiden", "Trondheim Solsiden", "Beddingen", "10", "7042", "Trondheim", "63.4340", "10.4125"),
        ("tromso-jekta", "Tromsø Jekta", "Heilovegen", "21", "9016", "Tromsø", "69.6805", "18.9311"),
        ("alesund-moa", "Ålesund Moa", "Moaveien", "12", "6018", "Ålesund", "62.4681", "6.3354"),
        ("stavanger-kvadrat", "Stavanger Kvadrat", "Gamle Stokkavei", "1", "4313", "Sandnes", "58.8775", "5.7313"),
        ("bodo-glasshuset", "Bodø Glasshuset", "Storgata", "12", "8006", "Bodø", "67.2827", "14.3787"),
        ("kristiansand-sorlandssenteret", "Kristiansand Sørlandssenteret", "Barstølveien", "31", "4636", "Kristiansand", "58.1767", "8.1287"),
        ("fredrikstad-torvbyen", "Fredrikstad Torvbyen", "Brochs gate", "3", "1607", "Fredrikstad", "59.2181", "10.9298"),
        ("drammen-gulskogen", "Drammen Gulskogen", "Kjøpmannsveien", "22", "3043", "Drammen", "59.7420", "10.1650"),
        ("lillehammer-strandtorget", "Lillehammer Strandtorget", "Strandpromenaden", "2", "2609", "Lillehammer", "61.1153", "10.4662"),
        ("hamar-maxi", "Hamar Maxi", "Vangsvegen", "73", "2317", "Hamar", "60.7945", "11.0680"),
    ]

    /// Swedish stores (market SWE).
    static let swedishSites: [(String, String, String, String, String, String, String, String)] = [
        ("stockholm-sergel", "Stockholm Sergel", "Sergels torg", "12", "111 57", "Stockholm", "59.3326", "18.0649"),
        ("goteborg-nordstan", "Göteborg Nordstan", "Nordstadstorget", "6", "411 05", "Göteborg", "57.7089", "11.9685"),
    ]

    // MARK: - Products

    /// Brands; "Nike Air" and "Norrøna" exercise brand UID sanitising.
    static let brands = ["Nike Air", "Bergans", "Helly Hansen", "Devold", "Norrøna", "Swix", "Dale of Norway",
                         "Kari Traa", "Stormberg", "Ulvang", "Mammut & Co", "Ask Sko"]
    static let colors = ["Svart", "Hvit", "Marineblå", "Rød", "Grønn", "Grå", "Lyseblå", "Oliven", "Sølvgrå", "Gul"]
    static let clothingSizes = ["XS", "S", "M", "L", "XL", "XXL"]
    static let shoeSizes = ["38", "39", "40", "41", "42", "43", "44", "45"]
    static let adjectives = ["Lett", "Varm", "Vanntett", "Klassisk", "Myk", "Robust", "Allværs", "Tynn", "Kraftig", "Lun"]

    /// (leaf category id, parent id, leaf name, parent name, product noun, VAT percent, sized with)
    static let categories: [(String, String, String, String, String, Int, [String])] = [
        ("dame-jakker", "dame", "Jakker", "Dame", "jakke", 25, clothingSizes),
        ("dame-gensere", "dame", "Gensere", "Dame", "genser", 25, clothingSizes),
        ("herre-jakker", "herre", "Jakker", "Herre", "jakke", 25, clothingSizes),
        ("herre-bukser", "herre", "Bukser", "Herre", "bukse", 25, clothingSizes),
        ("barn-ulltoy", "barn", "Ulltøy", "Barn", "ullsett", 25, ["92", "104", "116", "128", "140"]),
        ("sko-lop", "sko", "Løpesko", "Sko", "løpesko", 25, shoeSizes),
        ("tilbehor-luer", "tilbehor", "Luer", "Tilbehør", "lue", 25, []),
        ("mat-sjokolade", "mat", "Sjokolade", "Mat og drikke", "turmat", 15, []),
        ("boker-turguider", "boker", "Turguider", "Bøker", "turguide", 0, []),
        ("opplevelser-kurs", "opplevelser", "Kurs", "Opplevelser", "skredkurs", 12, []),
    ]

    static let descriptions = [
        "<p>Slitesterk og behagelig &ndash; laget for norsk vær.</p><ul><li>Vanntett</li><li>Pustende</li></ul>",
        "<p>Myk merinoull som holder deg varm &amp; tørr, også når det blåser på fjellet.</p>",
        "Enkel og tidløs. Passer til alt.",
        "<p>Favoritten til &laquo;hyttefolket&raquo;: lett, rask og solid.</p>",
        "<b>Nyhet!</b> Resirkulerte materialer &#8211; samme gode kvalitet.",
    ]

    // MARK: - Suppliers and companies

    static let suppliers = [("SUP-100", "Bergans Fritid AS"), ("SUP-200", "Helly Hansen ASA"), ("SUP-300", "Devold of Norway AS"),
                            ("SUP-400", "Norrøna Sport AS"), ("SUP-500", "Nordisk Import & Co AS")]
    static let companyWords = ["Fjellsport", "Nordlys", "Bårdsen & Sønn", "Havbris", "Kystlaget", "Østlandet Bygg",
                               "Vidde", "Trollheimen Turlag", "Sørvest Regnskap", "Fjordkraft Event"]
    static let companySuffixes = ["AS", "ASA", "SA", "ANS"]

    /// ASCII form for e-mail addresses: æ → ae, ø → o, å → a.
    static func ascii(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            switch ch {
            case "æ": out += "ae"
            case "ø", "ö": out += "o"
            case "å", "ä": out += "a"
            case " ", "&": continue
            default: out.append(ch)
            }
        }
        return out
    }
}
