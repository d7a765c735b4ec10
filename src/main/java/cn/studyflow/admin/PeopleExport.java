package cn.studyflow.admin;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgService;
import cn.studyflow.org.Person;
import cn.studyflow.status.XlsxSheet;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The people of a subtree as .xlsx in the import's own format, so that an export edited and imported round-trips. */
@Service
@RequiredArgsConstructor
class PeopleExport {

    private static final int PAGE = 1000;

    private final OrgService orgs;
    private final AdminAccess access;
    private final Roles roles;
    private final CadreRanks ranks;
    @Value("${studyflow.zone}")
    private final ZoneId zone;

    /** The header row alone: the template to fill in. */
    void template(OutputStream out) {
        new XlsxSheet(out, "人员", PeopleSheet.HEADERS, zone).close();
    }

    /** The enabled people this administrator manages. */
    void export(CurrentUser user, OutputStream out) {
        String managed = access.managedPath(user);
        Map<Long, Org> all = orgs.all().stream().collect(Collectors.toMap(Org::getId, Function.identity()));
        try (XlsxSheet sheet = new XlsxSheet(out, "人员", PeopleSheet.HEADERS, zone)) {
            for (int offset = 0; ; offset += PAGE) {
                List<Person> page = orgs.peopleInSubtree(managed, null, offset, PAGE);
                for (Person p : page) {
                    if (p.isEnabled()) {
                        sheet.row(PeopleImport.namePath(all.get(p.getOrgId()), all), p.getDisplayName(),
                            p.getUsername(), p.getPhone(), p.getRoles().stream().map(roles::chinese)
                                .collect(Collectors.joining(PeopleSheet.ROLE_SEPARATOR)),
                            ranks.chinese(p.getCadreRank()));
                    }
                }
                if (page.size() < PAGE) {
                    return;
                }
            }
        }
    }
}
