package io.rollcall.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Made-up but realistic people and their accounts in four tools, the same for a given
 * seed. Many people have accounts in several tools, sometimes under emails that differ in
 * case.
 */
public final class DemoData {

	private static final String[] FIRST = { "Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken",
			"Frances", "Donald", "Radia", "Edsger", "Katherine", "John", "Hedy", "Tim", "Sophie", "Niklaus", "Anita",
			"Guido", "Shafi", "Bjarne", "Joan", "James", "Mary", "Leslie", "Karen", "Brian", "Evelyn", "Vint", "Lynn",
			"Ward", "Jean", "Whitfield", "Susan", "Alastair", "Marta", "Yukihiro", "Ines", "Tomasz" };

	private static final String[] LAST = { "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie", "Liskov",
			"Thompson", "Allen", "Knuth", "Perlman", "Dijkstra", "Johnson", "McCarthy", "Lamarr", "Berners-Lee",
			"Wilson", "Wirth", "Borg", "Rossum", "Goldwasser", "Stroustrup", "Clarke", "Gosling", "Keller", "Lamport",
			"Jones", "Kernighan", "Boyd", "Cerf", "Conway", "Cunningham", "Sammet", "Diffie", "Kare", "Cockburn",
			"Nowak", "Matsumoto", "Garcia", "Kowalski" };

	private static final String[] COMPANIES = { "Acme Ltd", "Acme Labs", "Northwind Contractors" };

	private static final String[] ZONES = { "London", "Paris", "Berlin", "Warsaw", "Tokyo", "New York" };

	private final List<PersonSeed> people;

	private final long seed;

	private DemoData(List<PersonSeed> people, long seed) {
		this.people = people;
		this.seed = seed;
	}

	/** The made-up people, in a stable order. */
	public List<PersonSeed> people() {
		return this.people;
	}

	/** The seed they were made from. */
	public long seed() {
		return this.seed;
	}

	static DemoData generate(int count, long seed) {
		Random random = new Random(seed);
		Set<String> emails = new LinkedHashSet<>();
		List<PersonSeed> people = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String first = FIRST[random.nextInt(FIRST.length)];
			String last = LAST[random.nextInt(LAST.length)];
			String local = (first + "." + last).toLowerCase(Locale.ROOT);
			String email = local + "@acme.example";
			for (int n = 2; !emails.add(email); n++) {
				email = local + n + "@acme.example";
			}
			byte[] key = new byte[20];
			random.nextBytes(key);
			people.add(new PersonSeed(i + 1, first, last, email, random.nextDouble() < 0.2, random.nextDouble() < 0.45,
					random.nextDouble() < 0.7, random.nextDouble() < 0.6, random.nextDouble() < 0.55,
					random.nextDouble() < 0.9, COMPANIES[random.nextInt(COMPANIES.length)],
					ZONES[random.nextInt(ZONES.length)], HexFormat.of().formatHex(key),
					Instant.parse("2021-01-04T09:00:00Z").plusSeconds(random.nextInt(120_000_000)), random.nextLong()));
		}
		return new DemoData(people, seed);
	}

	/**
	 * One made-up human and where they have accounts.
	 */
	public record PersonSeed(int number, String first, String last, String email, boolean oddCase, boolean inCintoo,
			boolean inTestmo, boolean inCodebase, boolean inPeriscope, boolean active, String company, String zone,
			String apiKey, Instant createdAt, long salt) {

		/** The email as a tool holds it: some tools keep the case the person typed. */
		public String emailIn(String tool) {
			if (!this.oddCase || tool.equals("testmo")) {
				return this.email;
			}
			String local = this.email.substring(0, this.email.indexOf('@'));
			return Character.toUpperCase(local.charAt(0)) + local.substring(1) + "@Acme.example";
		}

		/** A stable choice among {@code n} options, different per purpose. */
		public int pick(int n, int purpose) {
			long mixed = this.salt * 31 + purpose * 0x9E3779B97F4A7C15L;
			return (int) Math.floorMod(mixed ^ (mixed >>> 29), (long) n);
		}

		@Override
		public String toString() {
			return "PersonSeed[" + this.email + "]";
		}

	}

}
