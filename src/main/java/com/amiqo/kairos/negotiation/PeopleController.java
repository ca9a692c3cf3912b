package com.amiqo.kairos.negotiation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.amiqo.kairos.api.Envelope;
import com.amiqo.kairos.api.error.ApiErrors;
import com.amiqo.kairos.api.error.ErrorCode;
import com.amiqo.kairos.api.paging.PageCursors;
import com.amiqo.kairos.user.AppUser;

/**
 * {@code GET /me/people}: the caller's address book, built from the plans they share, so
 * that friends are invited by name and nobody ever types an id. It lists only people who
 * are or were in a plan with the caller.
 */
@Tag(name = "users")
@RestController
class PeopleController {

	private static final String LIST = "people";

	private final PeopleRepository people;

	private final PageCursors cursors;

	PeopleController(PeopleRepository people, PageCursors cursors) {
		this.people = people;
		this.cursors = cursors;
	}

	@Operation(operationId = "listPeople",
			summary = "People the caller shares a plan with (drafts count for their organizer only), most recent first")
	@ApiErrors(ErrorCode.INVALID_CURSOR)
	@GetMapping("/me/people")
	Envelope<List<Friend>> list(AppUser user, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		PageCursors.Page<PeopleRepository.Row> page = cursors.page(LIST, user.id(), "", limit, cursor,
				(after, rows) -> people.page(user.id(), after, rows),
				row -> new PageCursors.Position(row.person().lastPlannedAt(), row.id()));
		return Envelope.page(page.items().stream().map(PeopleRepository.Row::person).toList(),
				new Envelope.Pagination(limit, page.nextCursor(), page.hasMore()));
	}

}
