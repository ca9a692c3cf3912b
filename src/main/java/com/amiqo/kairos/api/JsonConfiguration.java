package com.amiqo.kairos.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.module.blackbird.BlackbirdModule;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON conventions (docs/reference.md#conventions). Timestamps go out in UTC to whole
 * seconds with {@code Z} ({@code 2026-11-25T14:30:00Z}), the form Swift's
 * {@code .iso8601} decoder reads; storage keeps full precision. Naming (snake_case) and
 * strict scalar typing are set in application.yaml.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

	/**
	 * Property access through generated lambdas rather than reflective calls on records'
	 * accessors and constructors, which every response and every load's rows go through
	 * (docs/performance.md).
	 */
	@Bean
	JsonMapperBuilderCustomizer lambdaPropertyAccess() {
		return builder -> builder.addModule(new BlackbirdModule());
	}

	@Bean
	JsonMapperBuilderCustomizer wholeSecondUtcTimestamps() {
		return builder -> builder.addModule(
				new SimpleModule("kairos-timestamps").addSerializer(Instant.class, new WholeSecondInstantSerializer()));
	}

	/**
	 * A number where text is expected ({@code "display_name": 42}) is a client mistake,
	 * not something to quietly turn into {@code "42"}.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictText() {
		return builder -> builder.withCoercionConfig(LogicalType.Textual,
				config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * PostgreSQL text cannot hold U+0000, so a string carrying it could never be stored:
	 * refuse it while reading the body, where the error can still name the field.
	 */
	@Bean
	JsonMapperBuilderCustomizer storableStrings() {
		return builder -> builder.addModule(new SimpleModule("kairos-storable-strings").addDeserializer(String.class,
				new StorableStringDeserializer()));
	}

	static final class StorableStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			if (value != null && value.indexOf(0) >= 0) {
				throw context.weirdStringException(value, String.class, "must not contain U+0000");
			}
			return value;
		}

	}

	static final class WholeSecondInstantSerializer extends StdSerializer<Instant> {

		WholeSecondInstantSerializer() {
			super(Instant.class);
		}

		@Override
		public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
			char[] text = format(value);
			generator.writeString(text, 0, text.length);
		}

		/**
		 * {@code Instant.truncatedTo(SECONDS).toString()} without its formatter and
		 * builders (a tenth of a read's allocations went there); years outside 0–9999
		 * take the JDK's path, which adds a sign or more digits.
		 */
		static char[] format(Instant value) {
			long seconds = value.getEpochSecond();
			long days = Math.floorDiv(seconds, 86_400);
			int secondOfDay = (int) Math.floorMod(seconds, 86_400);
			LocalDate date = LocalDate.ofEpochDay(days);
			int year = date.getYear();
			if (year < 0 || year > 9999) {
				return value.truncatedTo(ChronoUnit.SECONDS).toString().toCharArray();
			}
			char[] text = "0000-00-00T00:00:00Z".toCharArray();
			digits(text, 0, year, 4);
			digits(text, 5, date.getMonthValue(), 2);
			digits(text, 8, date.getDayOfMonth(), 2);
			digits(text, 11, secondOfDay / 3600, 2);
			digits(text, 14, secondOfDay / 60 % 60, 2);
			digits(text, 17, secondOfDay % 60, 2);
			return text;
		}

		private static void digits(char[] text, int at, int value, int width) {
			for (int i = at + width - 1; i >= at; i--) {
				text[i] = (char) ('0' + value % 10);
				value /= 10;
			}
		}

	}

}
