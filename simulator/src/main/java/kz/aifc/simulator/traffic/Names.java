package kz.aifc.simulator.traffic;

import java.util.List;
import java.util.SplittableRandom;

/** Plausible names, identity numbers, addresses and devices; all invented, drawn from a seeded random. */
final class Names {

    private static final List<String> KZ_MALE = List.of("Nurlan", "Yerlan", "Daniyar", "Askar", "Bolat", "Arman",
            "Marat", "Timur", "Kairat", "Azamat", "Yerzhan", "Ruslan", "Dauren", "Samat", "Beibut", "Almas", "Serik",
            "Aidos", "Zhandos", "Olzhas", "Yerbol", "Miras");
    private static final List<String> KZ_FEMALE = List.of("Aigerim", "Aliya", "Madina", "Gulnara", "Saule",
            "Dinara", "Asel", "Zarina", "Akmaral", "Aizhan", "Laura", "Zhanna", "Dana", "Aruzhan", "Kamila",
            "Togzhan", "Indira", "Ainur", "Bayan", "Meruyert", "Assem", "Moldir");
    /** Male forms; the female form adds "a" (Abenov, Abenova). */
    private static final List<String> KZ_SURNAMES = List.of("Abenov", "Serikbayev", "Mukhametov", "Tulegenov",
            "Kassymov", "Zhaksylykov", "Bekov", "Ismailov", "Nurmagambetov", "Akhmetov", "Ospanov", "Zhunusov",
            "Karimov", "Nurlanov", "Ibraimov", "Sadykov", "Zhakenov", "Omarov", "Utepov", "Seitov", "Amanov",
            "Abilov", "Nurpeisov", "Baimukhanov", "Suleimenov", "Zhumabekov", "Iskakov", "Tokhtarov", "Yesenov",
            "Bektursynov");
    private static final List<String> INTL_FIRST = List.of("James", "Sarah", "Michael", "Anna", "David", "Elena",
            "Lukas", "Mei", "Omar", "Fatima", "Daniel", "Sofia", "Arjun", "Yuki", "Chen", "Aziz", "Dilnoza", "Jonas",
            "Hana", "Mateo", "Leila", "Viktor");
    private static final List<String> INTL_LAST = List.of("Whitfield", "Schmidt", "Holloway", "Petrova", "Mueller",
            "Tan", "Al Mansouri", "Khan", "Lee", "Kim", "Wang", "Yusupov", "Rakhimov", "Brown", "Rossi", "Novak",
            "Meyer", "Park", "Nakamura", "Haddad", "Fischer", "Costa");
    private static final List<String> COMPANY_FIRST = List.of("Qazaq", "Steppe", "Altai", "Caspian", "Tien Shan",
            "Nomad", "Emerald", "Turan", "Alatau", "Saryarka", "Irtysh", "Zhetysu", "Khan Tengri", "Aral");
    private static final List<String> COMPANY_SECOND = List.of("Trade", "Logistics", "Agro", "Energy", "Ventures",
            "Digital", "Capital", "Mining", "Textiles", "Foods", "Pharma", "Build", "Metals", "Software");
    private static final List<String> COMPANY_FORM = List.of("LLP", "JSC", "Ltd", "LLC");
    private static final List<String> CITIES = List.of("Almaty", "Astana", "Shymkent", "Karaganda", "Aktobe",
            "Dubai", "London", "Singapore", "Frankfurt", "Tashkent", "Bishkek", "Seoul");

    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    private static final String HEX = "0123456789abcdef";
    private static final String ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private Names() {
    }

    static String person(SplittableRandom rnd, boolean kazakh) {
        if (kazakh) {
            boolean female = rnd.nextBoolean();
            String surname = pick(rnd, KZ_SURNAMES);
            return pick(rnd, female ? KZ_FEMALE : KZ_MALE) + " " + (female ? surname + "a" : surname);
        }
        return pick(rnd, INTL_FIRST) + " " + pick(rnd, INTL_LAST);
    }

    static String company(SplittableRandom rnd) {
        return pick(rnd, COMPANY_FIRST) + " " + pick(rnd, COMPANY_SECOND) + " " + pick(rnd, COMPANY_FORM);
    }

    /** IIN/BIN for Kazakh customers (12 digits), a passport or LEI for foreign ones. */
    static String identifier(SplittableRandom rnd, boolean kazakh, boolean natural, String country) {
        if (kazakh) {
            if (natural) {
                int year = 60 + rnd.nextInt(45);
                return String.format("IIN %02d%02d%02d%06d", year % 100, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28),
                        rnd.nextInt(1_000_000));
            }
            return String.format("BIN %02d%02d40%06d", 5 + rnd.nextInt(20), 1 + rnd.nextInt(12),
                    rnd.nextInt(1_000_000));
        }
        return natural ? "PASSPORT " + country + " " + chars(rnd, ALNUM, 9) : "LEI " + chars(rnd, ALNUM, 20);
    }

    /** What a counterparty VASP typically sends about its own client: a birth date and place. */
    static String dateAndPlaceOfBirth(SplittableRandom rnd) {
        return String.format("DOB %d-%02d-%02d, %s", 1960 + rnd.nextInt(45), 1 + rnd.nextInt(12),
                1 + rnd.nextInt(28), pick(rnd, CITIES));
    }

    /** An address in the format of the asset's usual chain. */
    static String wallet(SplittableRandom rnd, String asset) {
        return switch (asset) {
            case "BTC" -> "bc1q" + chars(rnd, BECH32, 38);
            case "ETH", "USDC" -> "0x" + chars(rnd, HEX, 40);
            case "SOL" -> chars(rnd, BASE58, 44);
            default -> "T" + chars(rnd, BASE58, 33);
        };
    }

    /** Documentation address ranges (RFC 5737, RFC 3849): realistic shape, never a real host. */
    static String ip(SplittableRandom rnd) {
        if (rnd.nextInt(10) < 7) {
            String[] nets = {"203.0.113.", "198.51.100.", "192.0.2."};
            return nets[rnd.nextInt(nets.length)] + (1 + rnd.nextInt(254));
        }
        return "2001:db8:" + Integer.toHexString(rnd.nextInt(0x10000)) + ":" + Integer.toHexString(rnd.nextInt(0x10000))
                + "::" + Integer.toHexString(1 + rnd.nextInt(0xffff));
    }

    static String device(SplittableRandom rnd) {
        return "D-" + chars(rnd, HEX, 8);
    }

    static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static String chars(SplittableRandom rnd, String alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(rnd.nextInt(alphabet.length()));
        }
        return new String(out);
    }
}
