package kz.aifc.licensing.licences;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import kz.aifc.contract.v1.Activity;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.contract.v1.LicenceStatus;
import kz.aifc.platform.api.PlausibleDates;
import kz.aifc.platform.api.Problem;
import kz.aifc.platform.api.ProblemException;

/** Checks a licence request field by field and answers every mistake at once, each naming its field. */
public final class LicenceValidator {

    static final Pattern FIRM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_TEXT = 200;
    private static final int MAX_CONDITION = 2000;

    private LicenceValidator() {
    }

    /**
     * The licence the request describes.
     *
     * @param pathFirmId the firm of {@code PUT /licences/{firmId}}, or null for {@code POST}
     * @throws ProblemException 400 listing each offending field
     */
    public static LicenceChanged validate(LicenceRequest r, String pathFirmId) {
        if (r == null) {
            throw ProblemException.badRequest("body", "a JSON licence object is required");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String firmId = r.firmId();
        if (pathFirmId != null) {
            if (!FIRM_ID.matcher(pathFirmId).matches()) {
                errors.add(new Problem.FieldError("firmId", "path firm id '" + pathFirmId + "' is not a valid firm id"));
            } else if (firmId == null) {
                firmId = pathFirmId;
            } else if (!firmId.equals(pathFirmId)) {
                errors.add(new Problem.FieldError("firmId", "must equal the firm in the path (" + pathFirmId + ")"));
            }
        }
        if (firmId == null || firmId.isBlank()) {
            errors.add(new Problem.FieldError("firmId", "required"));
        } else if (!FIRM_ID.matcher(firmId).matches()) {
            errors.add(new Problem.FieldError("firmId",
                    "must be 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit (e.g. F-0001)"));
        }
        text(r.firmName(), "firmName", MAX_TEXT, errors);
        text(r.licenceNumber(), "licenceNumber", 64, errors);
        LicenceStatus status = null;
        if (r.status() == null || r.status().isBlank()) {
            errors.add(new Problem.FieldError("status", "required: one of " + names(LicenceStatus.values())));
        } else {
            try {
                status = LicenceStatus.valueOf(r.status());
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("status",
                        "unknown value '" + r.status() + "' (expected one of " + names(LicenceStatus.values()) + ")"));
            }
        }
        List<Activity> activities = new ArrayList<>();
        if (r.activities() == null || r.activities().isEmpty()) {
            errors.add(new Problem.FieldError("activities", "at least one regulated activity is required"));
        } else {
            Set<Activity> seen = new HashSet<>();
            for (int i = 0; i < r.activities().size(); i++) {
                String a = r.activities().get(i);
                String field = "activities[" + i + "]";
                try {
                    Activity activity = Activity.valueOf(a == null ? "" : a);
                    if (!seen.add(activity)) {
                        errors.add(new Problem.FieldError(field, "duplicate activity " + a));
                    }
                    activities.add(activity);
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError(field,
                            "unknown activity '" + a + "' (expected one of " + names(Activity.values()) + ")"));
                }
            }
        }
        LocalDate effectiveFrom = null;
        if (r.effectiveFrom() == null || r.effectiveFrom().isBlank()) {
            errors.add(new Problem.FieldError("effectiveFrom", "required: a date YYYY-MM-DD"));
        } else {
            try {
                effectiveFrom = LocalDate.parse(r.effectiveFrom());
                if (!PlausibleDates.plausible(effectiveFrom)) {
                    errors.add(new Problem.FieldError("effectiveFrom", PlausibleDates.MESSAGE));
                    effectiveFrom = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("effectiveFrom",
                        "'" + r.effectiveFrom() + "' is not a calendar date YYYY-MM-DD"));
            }
        }
        List<String> conditions = r.conditions() == null ? List.of() : r.conditions();
        for (int i = 0; i < conditions.size(); i++) {
            text(conditions.get(i), "conditions[" + i + "]", MAX_CONDITION, errors);
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
            throw new ProblemException(400, "Bad Request", detail, errors);
        }
        return new LicenceChanged(firmId, r.firmName().strip(), r.licenceNumber().strip(), status, activities,
                effectiveFrom, conditions.stream().map(String::strip).toList());
    }

    private static void text(String value, String field, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "required and must not be blank"));
        } else if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
