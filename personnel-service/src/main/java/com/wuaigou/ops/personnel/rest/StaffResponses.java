package com.wuaigou.ops.personnel.rest;

import com.wuaigou.ops.common.concurrency.VersionedView;
import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.Placement;
import com.wuaigou.ops.personnel.domain.Staff;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** How people are shown: contact details only to those who may see them. */
final class StaffResponses {

    private StaffResponses() {
    }

    @Schema(description = "How to reach a person; shown only to the person, their group's manager, directors and admins")
    public record ContactDetails(
            @Schema(nullable = true, description = "Phone number", example = "13800001234")
            @Pattern(regexp = "\\+?[0-9][0-9 -]{4,19}", message = "must be a phone number of 5-20 digits") @Size(max = 21)
            String phone,
            @Schema(nullable = true, description = "QQ number", example = "80000010")
            @Pattern(regexp = "[1-9][0-9]{4,11}", message = "must be a QQ number of 5-12 digits") @Size(max = 12) String qq,
            @Schema(nullable = true, description = "E-mail address", example = "li.na@example.com")
            @Email @Size(max = 200) String email) {
    }

    @Schema(description = "A stretch of days in one group, post and role")
    public record PlacementResponse(
            @Schema(description = "Group") String groupCode,
            @Schema(description = "Post") String postCode,
            @Schema(description = "Role in the group") GroupRole groupRole,
            @Schema(description = "First day") LocalDate from,
            @Schema(nullable = true, description = "Last day, inclusive; null while current") LocalDate to) {

        static PlacementResponse of(Placement placement) {
            return new PlacementResponse(placement.groupCode, placement.postCode, placement.groupRole,
                    placement.validFrom, placement.validTo);
        }
    }

    @Schema(description = "A person of the department")
    public record StaffResponse(
            @Schema(description = "Staff id; also the subject of the person's token") long id,
            @Schema(description = "Unique employee number") String employeeNumber,
            @Schema(description = "Name") String name,
            @Schema(nullable = true, description = "Group: the current one, or the one on asOf when asked; null if not placed then")
            String groupCode,
            @Schema(nullable = true, description = "Post, current or on asOf") String postCode,
            @Schema(nullable = true, description = "Role in the group, current or on asOf") GroupRole groupRole,
            @Schema(description = "Status") StaffStatus status,
            @Schema(description = "Since when the status holds") LocalDate statusSince,
            @Schema(description = "Hire date") LocalDate hireDate,
            @Schema(nullable = true, description = "Development direction (培养方向) that managers use when assigning work")
            String developmentDirection,
            @Schema(nullable = true, description = "Contact details; null when the caller may not see them") ContactDetails contact,
            @Schema(description = "Whether the person belongs to the fictional demo roster") boolean demo,
            @Schema(nullable = true, description = "The date the placement fields answer for; null when not asked") LocalDate asOf,
            @Schema(description = "Every placement, oldest first") List<PlacementResponse> placements,
            @Schema(description = "Version; the answer's ETag carries it too") long version) implements VersionedView {
    }

    static StaffResponse of(Staff staff, boolean withContact) {
        return of(staff, withContact, null);
    }

    /** With {@code asOf}, the group, post and role are those of the placement in force that day. */
    static StaffResponse of(Staff staff, boolean withContact, LocalDate asOf) {
        List<Placement> history = Placement.history(staff.id);
        String group = staff.groupCode;
        String post = staff.postCode;
        GroupRole role = staff.groupRole;
        if (asOf != null) {
            Optional<Placement> then = history.stream().filter(p -> p.covers(asOf)).findFirst();
            group = then.map(p -> p.groupCode).orElse(null);
            post = then.map(p -> p.postCode).orElse(null);
            role = then.map(p -> p.groupRole).orElse(null);
        }
        ContactDetails contact = withContact ? new ContactDetails(staff.phone, staff.qq, staff.email) : null;
        return new StaffResponse(staff.id, staff.employeeNumber, staff.name, group, post, role, staff.status,
                staff.statusSince, staff.hireDate, staff.developmentDirection, contact, staff.demo, asOf,
                history.stream().map(PlacementResponse::of).toList(), staff.version);
    }
}
