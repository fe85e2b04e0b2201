package io.rollcall.config;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.rollcall.connector.VendorModules;
import io.rollcall.domain.Suggestions;
import io.rollcall.settings.InvalidConfigurationException;
import io.rollcall.settings.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses settings under {@code rollcall.} that Rollcall does not have, naming the key
 * and the nearest one it does have, never the value: a misspelt key is otherwise ignored,
 * and a misspelt {@code rollcall.sources} even starts demo mode. The known keys are read
 * off {@link RollcallProperties} itself and each vendor module's properties, so they
 * cannot drift from them.
 */
class UnknownProperties implements EnvironmentPostProcessor {

	private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("rollcall");

	/** Read by other configuration classes, not by {@link RollcallProperties}. */
	private static final Set<String> OTHERS = Set.of("graphiql.enabled", "redis.url", "redis.timeout");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		check(environment);
	}

	/**
	 * Checks every {@code rollcall.*} setting of the environment.
	 * @param environment the environment
	 * @throws InvalidConfigurationException naming every unknown key
	 */
	static void check(Environment environment) {
		Node root = Node.of(RollcallProperties.class);
		OTHERS.forEach(root::add);
		// Each vendor's own properties sit beside the shared ones of every source.
		VendorModules.all().forEach((module) -> root.entriesOf("sources").merge(Node.of(module.properties())));
		Set<ConfigurationPropertyName> seen = new LinkedHashSet<>();
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				iterable.stream().filter(ROOT::isAncestorOf).forEach(seen::add);
			}
		}
		Problems problems = new Problems();
		for (ConfigurationPropertyName name : seen) {
			problems.check(() -> root.check(name));
		}
		problems.throwIfAny();
	}

	/** One level of the known keys. */
	private static final class Node {

		private final Map<String, Node> children = new LinkedHashMap<>();

		private final Map<String, String> spelling = new LinkedHashMap<>();

		/** The value of any key, for a map. */
		private @Nullable Node entries;

		/** The value of any index, for a list. */
		private @Nullable Node items;

		static Node of(Type type) {
			Node node = new Node();
			Class<?> raw = raw(type);
			if (raw.isRecord()) {
				for (RecordComponent component : raw.getRecordComponents()) {
					String dashed = DataObjectPropertyName.toDashedForm(component.getName());
					node.children.put(uniform(dashed), of(component.getGenericType()));
					node.spelling.put(uniform(dashed), dashed);
				}
			}
			else if (Map.class.isAssignableFrom(raw)) {
				node.entries = of(argument(type, 1));
			}
			else if (java.util.List.class.isAssignableFrom(raw)) {
				node.items = of(argument(type, 0));
			}
			return node;
		}

		void add(String path) {
			Node node = this;
			for (String element : path.split("\\.")) {
				node.spelling.putIfAbsent(uniform(element), element);
				node = node.children.computeIfAbsent(uniform(element), (key) -> new Node());
			}
		}

		/** What any entry of the map under a key holds. */
		Node entriesOf(String key) {
			Node map = this.children.get(uniform(key));
			if (map == null || map.entries == null) {
				throw new IllegalStateException(key + " is not a map of settings");
			}
			return map.entries;
		}

		/** Adds another node's keys to this one's. */
		void merge(Node other) {
			other.children.forEach(this.children::putIfAbsent);
			other.spelling.forEach(this.spelling::putIfAbsent);
		}

		boolean leaf() {
			return this.children.isEmpty() && this.entries == null && this.items == null;
		}

		void check(ConfigurationPropertyName name) {
			Node node = this;
			for (int i = 1; i < name.getNumberOfElements(); i++) {
				String element = name.getElement(i, Form.UNIFORM);
				Node next = node.children.get(element);
				if (next == null && node.entries != null) {
					next = node.entries;
				}
				if (next == null && node.items != null && name.isNumericIndex(i)) {
					next = node.items;
				}
				if (next == null) {
					throw unknown(name, i, node);
				}
				node = next;
			}
			if (!node.leaf() && node.entries == null && node.items == null) {
				// A group set as a whole (e.g. rollcall.cache=5m): not a setting either.
				throw new InvalidConfigurationException(name.toString(),
						"is a group of settings, not a setting: set one of "
								+ String.join(", ", node.spelling.values()));
			}
		}

		private static InvalidConfigurationException unknown(ConfigurationPropertyName name, int at, Node node) {
			String element = name.getElement(at, Form.UNIFORM);
			String nearest = null;
			int best = Integer.MAX_VALUE;
			for (Map.Entry<String, String> known : node.spelling.entrySet()) {
				int distance = Suggestions.distance(element, known.getKey());
				if (distance < best) {
					best = distance;
					nearest = known.getValue();
				}
			}
			StringBuilder message = new StringBuilder("is not a Rollcall setting");
			if (nearest != null && best <= Math.max(2, element.length() / 3)) {
				StringBuilder suggested = new StringBuilder();
				for (int i = 0; i < at; i++) {
					String original = name.getElement(i, Form.ORIGINAL);
					if (name.isNumericIndex(i)) {
						suggested.append('[').append(original).append(']');
					}
					else {
						suggested.append((i > 0) ? "." : "").append(original);
					}
				}
				message.append("; did you mean ").append(suggested).append('.').append(nearest).append('?');
			}
			else if (!node.spelling.isEmpty()) {
				message.append("; the settings here are ").append(String.join(", ", node.spelling.values()));
			}
			return new InvalidConfigurationException(name.toString(), message.toString());
		}

		private static String uniform(String element) {
			return element.replace("-", "").toLowerCase(Locale.ROOT);
		}

		private static Class<?> raw(Type type) {
			if (type instanceof Class<?> plain) {
				return plain;
			}
			return (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
					: Object.class;
		}

		private static Type argument(Type type, int index) {
			return (type instanceof ParameterizedType parameterized) ? parameterized.getActualTypeArguments()[index]
					: Object.class;
		}

	}

}
