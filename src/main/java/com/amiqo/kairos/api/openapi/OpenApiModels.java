package com.amiqo.kairos.api.openapi;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import org.jspecify.annotations.Nullable;

import com.amiqo.kairos.api.ClosedSet;
import com.amiqo.kairos.api.WireValues;

/**
 * How Java records become OpenAPI schemas, so the document says what the JSON really is:
 * snake_case names (as the API's mapper writes them); {@code nullable} exactly where a
 * component is {@code @Nullable}; enums for closed sets ({@link ClosedSet}, or a
 * {@code @Pattern} that only lists alternatives); and, for each record, which properties
 * every serialised instance carries (all of them, except nullable ones of a class that
 * omits nulls), which {@link OpenApiCustomizers} marks {@code required} on the schemas
 * responses use.
 */
class OpenApiModels extends ModelResolver {

	static final String SCHEMA_PREFIX = "#/components/schemas/";

	private static final Pattern ALTERNATIVES = Pattern.compile("[a-z0-9_]+(\\|[a-z0-9_]+)+");

	private static final PropertyNamingStrategies.NamingBase SNAKE_CASE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

	/**
	 * Component name → the record it was made from, collected while springdoc resolves
	 * models. Shared by every instance: springdoc adds each application context's
	 * converter to swagger's one JVM-wide {@code ModelConverters} chain, where the most
	 * recently added one resolves every model, so a second context in the same JVM (the
	 * test suite has several) would otherwise find its own map empty and publish a
	 * document without the record rules. The names and records are the same in every
	 * context.
	 */
	private static final Map<String, Class<?>> RECORDS = new ConcurrentHashMap<>();

	/**
	 * The shared enum schemas query parameters reference, found while springdoc reads the
	 * controllers (before {@link #refine(Map)} runs); JVM-wide for the same reason as
	 * {@link #RECORDS}.
	 */
	private static final Map<String, List<String>> PARAMETER_ENUMS = new ConcurrentHashMap<>();

	OpenApiModels() {
		super(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Schema resolve(AnnotatedType annotatedType, ModelConverterContext context, Iterator<ModelConverter> next) {
		Schema schema = super.resolve(annotatedType, context, next);
		JavaType type = _mapper.constructType(annotatedType.getType());
		if (type.getRawClass().isRecord()) {
			RECORDS.putIfAbsent(_typeName(type), type.getRawClass());
		}
		return schema;
	}

	/**
	 * Applies the record rules to the finished component schemas (adding the shared enum
	 * schemas closed sets reference) and returns, per schema name, the properties every
	 * serialised instance carries.
	 */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	Map<String, List<String>> refine(Map<String, Schema> schemas) {
		Map<String, List<String>> alwaysWritten = new java.util.HashMap<>();
		Set<String> nullableRefs = new java.util.HashSet<>();
		Map<String, List<String>> enums = new java.util.TreeMap<>(PARAMETER_ENUMS);
		schemas.forEach((name, schema) -> {
			Class<?> type = RECORDS.get(name);
			if (type != null && schema.getProperties() != null) {
				alwaysWritten.put(name, refine(name, type, schema.getProperties(), nullableRefs, enums));
			}
		});
		nullableRefs.forEach(name -> Objects.requireNonNull(schemas.get(name)).setNullable(true));
		enums.forEach((name, values) -> schemas.put(name, enumSchema(values)));
		return alwaysWritten;
	}

	@SuppressWarnings("rawtypes")
	private static List<String> refine(String schemaName, Class<?> type, Map<String, Schema> properties,
			Set<String> nullableRefs, Map<String, List<String>> enums) {
		JsonInclude include = type.getAnnotation(JsonInclude.class);
		boolean omitsNulls = include != null && include.value() == JsonInclude.Include.NON_NULL;
		List<String> written = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String name = SNAKE_CASE.translate(component.getName());
			Schema property = properties.get(name);
			if (property == null) {
				continue;
			}
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			ClosedSet closed = closedSetOf(type, component);
			if (closed != null) {
				String where = schemaName + "." + name;
				properties.put(name, new Schema<>().$ref(SCHEMA_PREFIX + sharedEnum(closed, where, enums)));
				// OpenAPI 3.0 cannot mark one use of a shared schema nullable: an
				// optional request field is simply left out, and a response field
				// never carries null (the conformance check would catch one).
				if (!nullable || !omitsNulls) {
					written.add(name);
				}
				continue;
			}
			else if (alternatives(patternOf(type, component)) != null) {
				throw new IllegalStateException(schemaName + "." + name + " lists its values in a @Pattern: add "
						+ "@ClosedSet so the document references one shared enum schema");
			}
			if (nullable) {
				property = nullable(property, nullableRefs);
				properties.put(name, property);
			}
			if (!nullable || !omitsNulls) {
				written.add(name);
			}
		}
		return written;
	}

	/**
	 * The name of the shared enum schema a closed set stands for, recorded in
	 * {@code enums}; one name with two different value lists fails the build.
	 */
	static String sharedEnum(ClosedSet closed, String where, Map<String, List<String>> enums) {
		List<String> values = values(closed);
		String name = closed.name();
		if (name.isEmpty()) {
			if (closed.value().length != 1 || !closed.values().isEmpty()) {
				throw new IllegalStateException(where + ": @ClosedSet needs a name (the shared schema's)");
			}
			name = closed.value()[0].getSimpleName();
		}
		List<String> known = enums.putIfAbsent(name, values);
		if (known != null && !known.equals(values)) {
			throw new IllegalStateException(
					where + ": closed set " + name + " is " + values + " here but " + known + " elsewhere");
		}
		return name;
	}

	static String parameterEnum(ClosedSet closed, String where) {
		synchronized (PARAMETER_ENUMS) {
			return sharedEnum(closed, where, PARAMETER_ENUMS);
		}
	}

	@SuppressWarnings("rawtypes")
	static Schema enumSchema(List<String> values) {
		Schema<String> schema = new io.swagger.v3.oas.models.media.StringSchema();
		schema.setEnum(new ArrayList<>(values));
		return schema;
	}

	/**
	 * OpenAPI 3.0 ignores siblings of {@code $ref}, and validators and generators
	 * disagree about {@code allOf} plus {@code nullable}; so a nullable reference stays a
	 * plain {@code $ref} and the referenced schema itself is marked nullable (see
	 * {@link #refine(Map)}).
	 */
	@SuppressWarnings("rawtypes")
	private static Schema nullable(Schema property, Set<String> nullableRefs) {
		if (property.get$ref() != null) {
			nullableRefs.add(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
			return property;
		}
		property.setNullable(true);
		return property;
	}

	private static @Nullable ClosedSet closedSetOf(Class<?> type, RecordComponent component) {
		ClosedSet onComponent = component.getAnnotation(ClosedSet.class);
		if (onComponent != null) {
			return onComponent;
		}
		try {
			return type.getDeclaredField(component.getName()).getAnnotation(ClosedSet.class);
		}
		catch (NoSuchFieldException e) {
			return null;
		}
	}

	static List<String> values(ClosedSet closed) {
		List<String> values = new ArrayList<>();
		for (Class<? extends Enum<?>> enumType : closed.value()) {
			Arrays.stream(enumType.getEnumConstants()).map(WireValues::of).forEach(values::add);
		}
		if (!closed.values().isEmpty()) {
			values.addAll(List.of(closed.values().split("\\|")));
		}
		return values;
	}

	/** {@code "a|b|c"} as a list; null for any other pattern. */
	static @Nullable List<String> alternatives(jakarta.validation.constraints.@Nullable Pattern pattern) {
		if (pattern == null || !ALTERNATIVES.matcher(pattern.regexp()).matches()) {
			return null;
		}
		return List.of(pattern.regexp().split("\\|"));
	}

	private static jakarta.validation.constraints.@Nullable Pattern patternOf(Class<?> type,
			RecordComponent component) {
		jakarta.validation.constraints.Pattern onType = component.getAnnotatedType()
			.getAnnotation(jakarta.validation.constraints.Pattern.class);
		if (onType != null) {
			return onType;
		}
		try {
			return type.getDeclaredField(component.getName())
				.getAnnotation(jakarta.validation.constraints.Pattern.class);
		}
		catch (NoSuchFieldException e) {
			return null;
		}
	}

}
