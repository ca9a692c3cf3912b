package com.amiqo.kairos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.amiqo.kairos.api.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour reference (docs/reference.md) and the code agree where a test can tell:
 * its error table lists exactly the codes of {@link ErrorCode}, each with its status.
 */
class ReferenceTest {

	private static final Path REFERENCE = Path.of("docs", "reference.md");

	private static final Pattern ERROR_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| (\\d{3}) \\|");

	@Test
	void errorTableWhenComparedWithErrorCodeListsEveryCodeWithItsStatus() throws IOException {
		Map<String, Integer> documented = errorTable();
		Map<String, Integer> coded = Arrays.stream(ErrorCode.values())
			.collect(Collectors.toMap(ErrorCode::name, code -> code.status().value(), (a, b) -> a, LinkedHashMap::new));

		assertThat(documented).as("the error table of docs/reference.md (## Errors) against ErrorCode")
			.containsExactlyInAnyOrderEntriesOf(coded);
	}

	@Test
	void headingsWhenCodeCommentsPointAtThemExist() throws IOException {
		List<String> headings = Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)
			.stream()
			.filter(line -> line.startsWith("## "))
			.map(line -> line.substring(3).strip())
			.toList();

		assertThat(headings).contains("Conventions", "Errors", "Authentication", "Negotiation states", "Replies",
				"Consensus", "Expiry", "Invite links", "Events", "Calendar feed", "Notifications", "Encrypted blobs",
				"Limits");
	}

	/** The rows of the table under "## Errors", code to status. */
	private static Map<String, Integer> errorTable() throws IOException {
		Map<String, Integer> rows = new LinkedHashMap<>();
		boolean inErrors = false;
		for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
			if (line.startsWith("## ")) {
				inErrors = line.equals("## Errors");
				continue;
			}
			Matcher row = ERROR_ROW.matcher(line);
			if (inErrors && row.find()) {
				Integer previous = rows.put(row.group(1), Integer.parseInt(row.group(2)));
				assertThat(previous).as("%s is listed once", row.group(1)).isNull();
			}
		}
		return rows;
	}

}
