package cn.studyflow.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgKind;
import cn.studyflow.org.OrgService;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A whole county's people from one .xlsx: 5,000 people over a county and 50 towns and departments, each with one to
 * three roles. The dry run and the import itself are timed as the server spends them (MockMvc, in-process), from the
 * upload's bytes to the committed rows, the trail included. The goal is under 30 s for the import.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"demo", "test"})
class PeopleImportBench extends DatabaseBench {

    static final int PEOPLE = 5_000;
    static final int ORGS = 50;
    static final String[] ROLES = {"中心组成员", "中心组成员、学习秘书", "宣传委员", "组长", "副组长、中心组成员", "办公室"};

    @Autowired OrgService orgService;
    @Autowired UserDetailsService users;
    @Autowired MockMvc mvc;

    @Test
    void importFiveThousandPeople() throws Exception {
        Org city = orgService.get(orgService.personByUsername("admin").getOrgId());
        Org county = orgService.create("ibench", "基准导入县委", OrgKind.COUNTY, city);
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < ORGS; i++) {
            Org org = orgService.create("ibench" + i, "基准导入镇" + i, i % 5 == 0 ? OrgKind.DEPARTMENT : OrgKind.TOWN, county);
            paths.add(city.getName() + "/" + county.getName() + "/" + org.getName());
        }
        byte[] file = workbook(paths);
        var admin = user(users.loadUserByUsername("admin"));
        BenchReport report = new BenchReport("import-" + database(),
            "Import of " + PEOPLE + " people from .xlsx (" + file.length / 1024 + " KB), server time, " + database());

        long started = System.nanoTime();
        mvc.perform(multipart("/api/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
                .param("dryRun", "true").with(admin).with(csrf()))
            .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(false));
        double dryRun = (System.nanoTime() - started) / 1e9;
        report.row("step", "dry run", "people", PEOPLE, "seconds", BenchReport.round(dryRun));

        started = System.nanoTime();
        mvc.perform(multipart("/api/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
                .param("dryRun", "false").with(admin).with(csrf()))
            .andExpect(status().isOk()).andExpect(jsonPath("$.applied").value(true));
        double imported = (System.nanoTime() - started) / 1e9;
        report.row("step", "import", "people", PEOPLE, "seconds", BenchReport.round(imported),
            "goal", "under 30 s", "met", imported < 30);

        started = System.nanoTime();
        mvc.perform(multipart("/api/admin/import").file(new MockMultipartFile("file", "people.xlsx", null, file))
                .param("dryRun", "false").with(admin).with(csrf()))
            .andExpect(status().isOk());
        report.row("step", "the same file again (all unchanged)", "people", PEOPLE, "seconds",
            BenchReport.round((System.nanoTime() - started) / 1e9));
    }

    private static byte[] workbook(List<String> paths) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "bench", "1.0");
        Worksheet sheet = workbook.newWorksheet("人员");
        String[] headers = {"组织路径", "姓名", "用户名", "手机号", "角色"};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
        }
        for (int i = 0; i < PEOPLE; i++) {
            sheet.value(i + 1, 0, paths.get(i % paths.size()));
            sheet.value(i + 1, 1, "基准人员" + i);
            sheet.value(i + 1, 2, "ibench_" + i);
            sheet.value(i + 1, 3, String.format("139%08d", i));
            sheet.value(i + 1, 4, ROLES[i % ROLES.length]);
        }
        workbook.finish();
        return out.toByteArray();
    }
}
