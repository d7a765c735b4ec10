package cn.studyflow.admin;

import cn.studyflow.admin.ImportReport.Line;
import cn.studyflow.admin.ImportReport.Outcome;
import cn.studyflow.admin.PeopleSheet.SheetRow;
import cn.studyflow.org.CadreRank;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.PeopleWrites;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import cn.studyflow.common.BusinessException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the people of a subtree from an .xlsx file ({@link PeopleSheet}): a dry run reports row by row what would
 * be created, changed or refused and why; the import itself writes everything or, when any row is refused, nothing.
 * Imported people get no password: an administrator gives each a temporary one when they start.
 */
@Service
@RequiredArgsConstructor
class PeopleImport {

    private static final int CHUNK = 500;

    private final OrgService orgs;
    private final PeopleWrites people;
    private final AdminAccess access;
    private final Roles roles;
    private final CadreRanks ranks;
    private final TaskHandover handover;
    private final Trail trail;
    @Value("${studyflow.admin.import-max-rows:10000}")
    private final int maxRows;

    int maxRows() {
        return maxRows;
    }

    @Transactional
    ImportReport run(CurrentUser user, byte[] file, boolean dryRun) {
        String managed = access.managedPath(user);
        List<SheetRow> rows = PeopleSheet.read(file, maxRows);
        if (rows.isEmpty()) {
            throw BusinessException.invalid("admin.import.empty");
        }
        Map<String, Org> byNamePath = orgsByNamePath(managed);
        Map<String, Long> counts = rows.stream().filter(r -> !r.username().isEmpty())
            .collect(Collectors.groupingBy(SheetRow::username, Collectors.counting()));
        Map<String, Person> existing = existing(counts.keySet());
        List<Line> lines = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (SheetRow row : rows) {
            Planned p = plan(user, managed, row, byNamePath, counts, existing);
            lines.add(p.line());
            planned.add(p);
        }
        ImportReport report = new ImportReport(lines, dryRun, false);
        if (dryRun || report.hasRefusals()) {
            return report;
        }
        apply(user, planned);
        return new ImportReport(lines, false, true);
    }

    /** A row's outcome and, when it is written, the person as they will be ({@code rank} null: as before). */
    private record Planned(Line line, Org org, Set<Role> roles, CadreRank rank, Person existing) {
    }

    private Planned plan(CurrentUser user, String managed, SheetRow row, Map<String, Org> byNamePath,
                         Map<String, Long> counts, Map<String, Person> existing) {
        String refusal = null;
        String arg = null;
        Org org = byNamePath.get(normalise(row.orgPath()));
        Set<Role> wanted = EnumSet.noneOf(Role.class);
        for (String name : row.roles().split("[、,，;；]")) {
            if (!name.isBlank() && refusal == null) {
                var role = roles.find(name);
                if (role.isEmpty()) {
                    refusal = "admin.import.unknownRole";
                    arg = name.trim();
                } else {
                    wanted.add(role.get());
                }
            }
        }
        CadreRank rank = row.rank().isEmpty() ? null : ranks.find(row.rank()).orElse(null);
        if (refusal == null && !row.rank().isEmpty() && rank == null) {
            refusal = "admin.import.unknownRank";
            arg = row.rank();
        }
        Person person = existing.get(row.username());
        if (row.name().isEmpty()) {
            refusal = "admin.import.emptyName";
        } else if (row.name().length() > PeopleAdminService.MAX_NAME) {
            refusal = "admin.import.nameTooLong";
        } else if (!PeopleAdminService.USERNAME.matcher(row.username()).matches()) {
            refusal = "admin.import.badUsername";
        } else if (counts.getOrDefault(row.username(), 0L) > 1) {
            refusal = "admin.import.duplicateInFile";
            arg = row.username();
        } else if (org == null) {
            refusal = "admin.import.unknownOrg";
            arg = row.orgPath();
        } else if (!org.isActive()) {
            refusal = "admin.org.inactive";
            arg = org.getName();
        } else if (refusal != null) {
            // an unknown role or rank, found above
        } else if (!row.phone().isEmpty() && !PeopleAdminService.PHONE.matcher(row.phone()).matches()) {
            refusal = "admin.import.badPhone";
        } else if (person != null && (!inside(person, managed) || (person.getRoles().contains(Role.ADMIN)
            && !AdminAccess.isSystemAdmin(user)))) {
            refusal = "admin.import.usernameTaken";
            arg = row.username();
        } else if (!AdminAccess.isSystemAdmin(user) && changesAdmin(person, wanted)) {
            refusal = "admin.error.systemAdminOnly";
        }
        if (refusal != null) {
            return new Planned(line(row, Outcome.REFUSE, refusal, arg, null), null, null, null, null);
        }
        if (person == null) {
            return new Planned(line(row, Outcome.CREATE, null, null, null), org, wanted, rank, null);
        }
        String changes = changes(person, row, org, wanted, rank);
        return new Planned(line(row, changes.isEmpty() ? Outcome.UNCHANGED : Outcome.UPDATE, null, null, changes),
            org, wanted, rank, person);
    }

    private void apply(CurrentUser user, List<Planned> planned) {
        List<TrailEntry> entries = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now();
        int created = 0;
        int updated = 0;
        for (Planned p : planned) {
            Line line = p.line();
            if (line.outcome() == Outcome.CREATE) {
                Person person = new Person();
                person.setUsername(line.username());
                person.setDisplayName(line.name());
                person.setOrgId(p.org().getId());
                person.setPhone(line.phone().isEmpty() ? null : line.phone());
                person.setCadreRank(p.rank());
                person.setPasswordHash(PeopleAdminService.NO_PASSWORD);
                person.setEnabled(true);
                person.setCreatedAt(now);
                try {
                    people.insert(person);
                } catch (DuplicateKeyException e) {
                    // taken meanwhile by another import or administrator: the whole import rolls back
                    throw BusinessException.conflict("admin.person.usernameTaken", person.getUsername());
                }
                p.roles().forEach(r -> people.addRole(person.getId(), r));
                entries.add(Trail.entry(user, "PERSON_IMPORT", Trail.PERSON, person.getId(), person.getDisplayName(),
                    p.org().getPath(), null, PeopleAdminService.describe(person, p.org(), p.roles())));
                created++;
            } else if (line.outcome() == Outcome.UPDATE) {
                update(p);
                entries.add(Trail.entry(user, "PERSON_IMPORT", Trail.PERSON, p.existing().getId(), line.name(),
                    p.org().getPath(), null, line.changes()));
                updated++;
            }
        }
        trail.recordAll(entries);
        trail.record(user, "IMPORT", Trail.PERSON, null, null, access.managedPath(user), null,
            created + " created, " + updated + " updated");
    }

    private void update(Planned p) {
        Person person = p.existing();
        boolean moved = !person.getOrgId().equals(p.org().getId());
        Person changed = new Person();
        changed.setId(person.getId());
        changed.setDisplayName(p.line().name());
        changed.setOrgId(p.org().getId());
        changed.setPhone(p.line().phone().isEmpty() ? null : p.line().phone());
        // the row writes every detail: a rank the file leaves empty is the one the person has
        changed.setCadreRank(p.rank() == null ? person.getCadreRank() : p.rank());
        people.updateDetails(changed);
        Set<Role> removed = EnumSet.noneOf(Role.class);
        removed.addAll(person.getRoles());
        removed.removeAll(p.roles());
        removed.forEach(r -> people.removeRole(person.getId(), r));
        p.roles().stream().filter(r -> !person.getRoles().contains(r)).forEach(r -> people.addRole(person.getId(), r));
        if (moved) {
            handover.handOver(person, null);
        } else {
            removed.forEach(r -> handover.release(person, r, p.roles()));
        }
    }

    private static boolean changesAdmin(Person person, Set<Role> wanted) {
        boolean had = person != null && person.getRoles().contains(Role.ADMIN);
        return had != wanted.contains(Role.ADMIN);
    }

    private boolean inside(Person person, String managed) {
        Org org = orgs.get(person.getOrgId());
        return org != null && org.getPath().startsWith(managed);
    }

    private String changes(Person person, SheetRow row, Org org, Set<Role> wanted, CadreRank rank) {
        List<String> changes = new ArrayList<>();
        if (!person.getDisplayName().equals(row.name())) {
            changes.add(person.getDisplayName() + " → " + row.name());
        }
        if (!person.getOrgId().equals(org.getId())) {
            changes.add("→ " + org.getName());
        }
        if (!Objects.equals(Objects.toString(person.getPhone(), ""), row.phone())) {
            changes.add(Objects.toString(person.getPhone(), "") + " → " + row.phone());
        }
        if (!person.getRoles().equals(wanted)) {
            changes.add("[" + PeopleAdminService.names(person.getRoles()) + "] → [" + PeopleAdminService.names(wanted)
                + "]");
        }
        if (rank != null && rank != person.getCadreRank()) {
            changes.add(ranks.chinese(person.getCadreRank()) + " → " + ranks.chinese(rank));
        }
        return String.join("; ", changes);
    }

    private static Line line(SheetRow row, Outcome outcome, String reasonKey, String reasonArg, String changes) {
        return new Line(row.number(), row.orgPath(), row.name(), row.username(), row.phone(), row.roles(), outcome,
            reasonKey, reasonArg, changes);
    }

    private Map<String, Person> existing(Set<String> usernames) {
        Map<String, Person> found = new HashMap<>();
        List<String> all = new ArrayList<>(usernames);
        for (int i = 0; i < all.size(); i += CHUNK) {
            orgs.peopleByUsernames(all.subList(i, Math.min(all.size(), i + CHUNK)))
                .forEach(p -> found.put(p.getUsername(), p));
        }
        return found;
    }

    /** The managed organisations by their path of names from the top of the tree, e.g. 潍坊市委/青州市委. */
    Map<String, Org> orgsByNamePath(String managed) {
        Map<Long, Org> all = orgs.all().stream().collect(Collectors.toMap(Org::getId, Function.identity()));
        Map<String, Org> byPath = new HashMap<>();
        for (Org org : all.values()) {
            if (org.getPath().startsWith(managed)) {
                byPath.put(namePath(org, all), org);
            }
        }
        return byPath;
    }

    static String namePath(Org org, Map<Long, Org> all) {
        return Arrays.stream(org.getPath().split("/")).filter(s -> !s.isEmpty())
            .map(id -> all.get(Long.parseLong(id))).filter(Objects::nonNull).map(Org::getName)
            .collect(Collectors.joining("/"));
    }

    private static String normalise(String path) {
        return Arrays.stream(path.split("[/／]")).map(String::trim).filter(s -> !s.isEmpty())
            .collect(Collectors.joining("/"));
    }
}
