package cn.studyflow.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.CadreRank;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.Person;
import cn.studyflow.org.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/** People from .xlsx: a dry run row by row, an import that writes everything or nothing, files that are not lists. */
class PeopleImportTest extends AdminFixture {

    Org county;
    Org town;
    String countyPath;
    String townPath;

    @BeforeEach
    void aCountyAndATown() {
        Org city = orgService.get(user("admin").getOrgId());
        county = newOrg(unique("导入县委"), OrgKind.COUNTY, city);
        town = newOrg(unique("导入镇"), OrgKind.TOWN, county);
        countyPath = city.getName() + "/" + county.getName();
        townPath = countyPath + "/" + town.getName();
    }

    @Test
    void aDryRunShowsEveryRowWithItsOutcomeAndReasonAndWritesNothing() throws Exception {
        String a = unique("imp");
        String b = unique("imp");
        String dup = unique("dup");
        byte[] file = xlsx(List.of(
            row(townPath, "张立新", a, "13800000001", "学习秘书、中心组成员"),
            row(townPath, "王春梅", b, "", "宣传委员"),
            row(townPath + "不存在", "李国栋", unique("x"), "", "中心组成员"),
            row(townPath, "赵玉兰", unique("x"), "", "总指挥"),
            row(townPath, "", unique("x"), "", "中心组成员"),
            row(countyPath, "周晓东", dup, "", "LEADER"),
            row(countyPath, "吴明远", dup, "", "DEPUTY"),
            row(townPath, "陈文华", "bq_member", "", "中心组成员")));

        JsonNode report = body(upload("admin", file, true).andExpect(status().isOk()));

        assertThat(report.path("applied").asBoolean()).isFalse();
        List<String> outcomes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        report.path("rows").forEach(r -> {
            outcomes.add(r.path("outcome").asText());
            reasons.add(r.path("reason").asText());
        });
        assertThat(outcomes).containsExactly("CREATE", "CREATE", "REFUSE", "REFUSE", "REFUSE", "REFUSE", "REFUSE",
            "UPDATE");
        assertThat(reasons.get(2)).isEqualTo("没有这个组织：" + townPath + "不存在");
        assertThat(reasons.get(3)).isEqualTo("没有这个角色：总指挥");
        assertThat(reasons.get(4)).isEqualTo("姓名为空");
        assertThat(reasons.get(5)).isEqualTo("用户名“" + dup + "”在文件中出现了不止一次");
        // bq_member exists and the system administrator manages everyone: the row would move them to the town
        assertThat(report.path("rows").get(7).path("changes").asText()).contains(town.getName());
        assertThat(orgService.personByUsername("bq_member").getOrgId()).isNotEqualTo(town.getId());
        assertThat(orgService.personByUsername(a)).isNull();
        assertThat(orgService.peopleOf(town.getId())).isEmpty();
    }

    @Test
    void anImportWithARefusedRowWritesNothingAndTheFixedFileWritesEverything() throws Exception {
        String a = unique("imp");
        String b = unique("imp");
        List<List<String>> rows = new ArrayList<>(List.of(
            row(townPath, "张立新", a, "13800000001", "学习秘书、中心组成员"),
            row(countyPath, "王春梅", b, "", "宣传部")));
        rows.add(row(townPath, "李国栋", unique("x"), "", "组长，总指挥"));

        upload("admin", xlsx(rows), false).andExpect(status().isOk())
            .andExpect(jsonPath("$.applied").value(false))
            .andExpect(jsonPath("$.rows[2].reason").value("没有这个角色：总指挥"));
        assertThat(orgService.personByUsername(a)).isNull();
        assertThat(orgService.personByUsername(b)).isNull();

        rows.set(2, row(townPath, "李国栋", unique("x"), "", "组长，副组长"));
        upload("admin", xlsx(rows), false).andExpect(status().isOk())
            .andExpect(jsonPath("$.applied").value(true));

        Person created = orgService.personByUsername(a);
        assertThat(created.getDisplayName()).isEqualTo("张立新");
        assertThat(created.getOrgId()).isEqualTo(town.getId());
        assertThat(created.getPhone()).isEqualTo("13800000001");
        assertThat(created.getRoles()).containsExactlyInAnyOrder(Role.SECRETARY, Role.MEMBER);
        assertThat(created.isPasswordSet()).isFalse();
        assertThat(orgService.personByUsername(b).getRoles()).containsExactly(Role.DEPT);
        assertThat(orgService.holders(town.getId(), Role.DEPUTY)).extracting(Person::getDisplayName).contains("李国栋");

        // the same file again changes nothing; a changed role is an update
        rows.set(0, row(townPath, "张立新", a, "13800000001", "学习秘书"));
        JsonNode again = body(upload("admin", xlsx(rows), false).andExpect(status().isOk()));
        assertThat(again.path("rows").get(0).path("outcome").asText()).isEqualTo("UPDATE");
        assertThat(again.path("rows").get(1).path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(orgService.personByUsername(a).getRoles()).containsExactly(Role.SECRETARY);
    }

    @Test
    void theCadreRankIsReadAsItsLabelOrNameAndAnEmptyCellKeepsWhatThePersonHas() throws Exception {
        String senior = unique("rank");
        String section = unique("rank");
        String other = unique("rank");
        List<List<String>> rows = new ArrayList<>(List.of(
            row(townPath, "张立新", senior, "", "组长", "处级及以上"),
            row(townPath, "王春梅", section, "", "中心组成员", "section"),
            row(townPath, "李国栋", other, "", "中心组成员", "")));
        upload("admin", xlsx(rows), false).andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(true));
        assertThat(orgService.personByUsername(senior).getCadreRank()).isEqualTo(CadreRank.SENIOR);
        assertThat(orgService.personByUsername(section).getCadreRank()).isEqualTo(CadreRank.SECTION);
        assertThat(orgService.personByUsername(other).getCadreRank()).as("the default").isEqualTo(CadreRank.OTHER);

        // a rank given is a change; a rank left empty, or a file of the five columns before the rank, keeps it
        rows.set(1, row(townPath, "王春梅", section, "", "中心组成员", ""));
        rows.set(2, row(townPath, "李国栋", other, "", "中心组成员", "科级"));
        JsonNode changed = body(upload("admin", xlsx(rows), false).andExpect(status().isOk()));
        assertThat(changed.path("rows").get(1).path("outcome").asText()).isEqualTo("UNCHANGED");
        assertThat(changed.path("rows").get(2).path("changes").asText()).isEqualTo("其他 → 科级");
        JsonNode old = body(upload("admin", xlsx(rows.stream().map(r -> r.subList(0, 5)).toList(),
            PeopleSheet.HEADERS.subList(0, 5)), false).andExpect(status().isOk()));
        old.path("rows").forEach(r -> assertThat(r.path("outcome").asText()).isEqualTo("UNCHANGED"));
        assertThat(orgService.personByUsername(senior).getCadreRank()).isEqualTo(CadreRank.SENIOR);
        assertThat(orgService.personByUsername(section).getCadreRank()).isEqualTo(CadreRank.SECTION);
        assertThat(orgService.personByUsername(other).getCadreRank()).isEqualTo(CadreRank.SECTION);
    }

    @Test
    void anUnknownCadreRankRefusesItsRowByNumberAndNothingIsImported() throws Exception {
        String a = unique("imp");
        String b = unique("imp");
        byte[] file = xlsx(List.of(
            row(townPath, "张立新", a, "", "中心组成员", "科级"),
            row(townPath, "王春梅", b, "", "中心组成员", "厅级")));

        upload("admin", file, false).andExpect(status().isOk())
            .andExpect(jsonPath("$.applied").value(false))
            .andExpect(jsonPath("$.rows[0].outcome").value("CREATE"))
            .andExpect(jsonPath("$.rows[1].row").value(3))
            .andExpect(jsonPath("$.rows[1].outcome").value("REFUSE"))
            .andExpect(jsonPath("$.rows[1].reason").value("没有这个职级：厅级（可填 处级及以上、科级、其他）"));
        assertThat(orgService.personByUsername(a)).isNull();
        assertThat(orgService.personByUsername(b)).isNull();
        mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
                .param("dryRun", "true").param("lang", "en").with(as("admin")).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("No such cadre rank: 厅级")));
    }

    @Test
    void anOrganisationAdministratorImportsOnlyIntoTheirSubtree() throws Exception {
        CurrentUser orgAdmin = newPerson("oa", county, Role.ORG_ADMIN);
        String a = unique("imp");
        JsonNode report = body(upload(orgAdmin.getUsername(), xlsx(List.of(
            row(townPath, "张立新", a, "", "中心组成员"),
            row("潍坊市委/青州市委/卞桥镇党委", "李国栋", unique("x"), "", "中心组成员"),
            row(townPath, "王文华", "bq_leader", "", "中心组成员"),
            row(townPath, "赵海燕", unique("x"), "", "系统管理员"))), true).andExpect(status().isOk()));
        assertThat(report.path("rows").get(0).path("outcome").asText()).isEqualTo("CREATE");
        assertThat(report.path("rows").get(1).path("reason").asText()).startsWith("没有这个组织");
        assertThat(report.path("rows").get(2).path("reason").asText())
            .isEqualTo("用户名“bq_leader”已被其他组织的人员使用");
        assertThat(report.path("rows").get(3).path("outcome").asText()).isEqualTo("REFUSE");
    }

    @Test
    void aFileThatIsReallySomethingElseIsRefusedWithAClearMessage() throws Exception {
        byte[] pdf = "%PDF-1.7\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("readme.txt"));
            z.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        // a zip bomb: 300 MB of zeros packed into a few hundred kilobytes
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bomb)) {
            z.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                z.write(zeros);
            }
        }
        for (byte[] file : List.of(pdf, zip.toByteArray(), bomb.toByteArray(), "组织路径,姓名".getBytes(StandardCharsets.UTF_8))) {
            upload("admin", file, false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value("这不是可读取的 .xlsx 文件"));
        }
        mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, pdf))
                .param("dryRun", "true").with(as("admin")).with(csrf()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(Matchers.containsString("这不是可读取的 .xlsx 文件")));
        // a workbook of another shape
        byte[] other = xlsx(List.of(), List.of("姓名", "年龄"));
        upload("admin", other, true).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value(Matchers.startsWith("文件第一行须是表头")));
    }

    @Test
    void aFileOfOneHundredThousandRowsIsRefusedAndNothingIsWritten() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        String prefix = unique("many");
        for (int i = 0; i < 100_000; i++) {
            rows.add(row(townPath, "人员" + i, prefix + "_" + i, "", "中心组成员"));
        }
        upload("admin", xlsx(rows), false).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("一次最多导入10000行，请分成几个文件"));
        assertThat(orgService.peopleOf(town.getId())).isEmpty();
    }

    @Test
    void theExportReadsBackAsAnImportThatChangesNothing() throws Exception {
        CurrentUser orgAdmin = newPerson("oa", county, Role.ORG_ADMIN);
        CurrentUser member = newPerson("m", town, Role.MEMBER, Role.SECRETARY);
        apiPut("admin", Map.of("displayName", member.getDisplayName(), "cadreRank", "SECTION"),
            "/api/admin/people/{id}", member.getPersonId()).andExpect(status().isOk());
        byte[] exported = mvc.perform(get("/admin/people/export.xlsx").with(as(orgAdmin.getUsername())))
            .andExpect(status().isOk())
            .andExpect(content().contentType(ImportController.XLSX))
            .andReturn().getResponse().getContentAsByteArray();
        List<PeopleSheet.SheetRow> rows = PeopleSheet.read(exported, 100);
        assertThat(rows).hasSize(2);
        assertThat(rows).extracting(PeopleSheet.SheetRow::roles).contains("学习秘书、中心组成员", "组织管理员");
        assertThat(rows).extracting(PeopleSheet.SheetRow::username, PeopleSheet.SheetRow::rank).contains(
            org.assertj.core.groups.Tuple.tuple(member.getUsername(), "科级"),
            org.assertj.core.groups.Tuple.tuple(orgAdmin.getUsername(), "其他"));
        JsonNode report = body(upload(orgAdmin.getUsername(), exported, true).andExpect(status().isOk()));
        report.path("rows").forEach(r -> assertThat(r.path("outcome").asText()).isEqualTo("UNCHANGED"));

        byte[] template = mvc.perform(get("/admin/import/template.xlsx").with(as("admin")))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        upload("admin", template, true).andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.message").value("文件里没有人员"));
    }

    @Test
    void theImportPageShowsTheReportInEitherLanguage() throws Exception {
        byte[] file = xlsx(List.of(row(townPath, "张立新", unique("imp"), "", "学习秘书"),
            row(townPath, "李国栋", unique("imp"), "", "总指挥")));
        mvc.perform(multipart("/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
                .param("dryRun", "true").param("lang", "en").with(as("admin")).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(content().string(Matchers.containsString("No such role: 总指挥")))
            .andExpect(content().string(Matchers.containsString("1 to create")));
    }

    private ResultActions upload(String who, byte[] file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
            .param("dryRun", String.valueOf(dryRun)).with(as(who)).with(csrf()));
    }

    static List<String> row(String... cells) {
        return List.of(cells);
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        return xlsx(rows, PeopleSheet.HEADERS);
    }

    static byte[] xlsx(List<List<String>> rows, List<String> headers) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                if (!rows.get(r).get(c).isEmpty()) {
                    sheet.value(r + 1, c, rows.get(r).get(c));
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }
}
