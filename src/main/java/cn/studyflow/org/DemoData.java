package cn.studyflow.org;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo tree of organisations with a person in every role of each, loaded into an empty database in
 * the demo profile only. Every demo account's password is {@value #PASSWORD}; the README lists them.
 */
@Component
@Profile("demo")
@Order(0)
@RequiredArgsConstructor
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo1234";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "文华", "海燕", "志强", "丽娟", "明远", "晓东", "春梅", "立新", "秀英",
        "国栋", "玉兰"};

    private final OrgMapper orgs;
    private final PersonMapper people;
    private final OrgService orgService;
    private final PasswordEncoder encoder;

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (orgs.count() > 0) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        Org city = orgService.create("wf", "潍坊市委", OrgKind.CITY, null);
        Org county = orgService.create("qz", "青州市委", OrgKind.COUNTY, city);
        Org town = orgService.create("bq", "卞桥镇党委", OrgKind.TOWN, county);
        Org town2 = orgService.create("wfz", "王坟镇党委", OrgKind.TOWN, county);
        Org dept = orgService.create("jy", "青州市教育局党组", OrgKind.DEPARTMENT, county);
        int n = 0;
        for (Org org : List.of(city, county, town, town2, dept)) {
            for (Role role : Role.values()) {
                String name = SURNAMES[n % SURNAMES.length] + GIVEN[(n * 5 + 3) % GIVEN.length];
                Person person = orgService.createPerson(org.getCode() + "_" + role.name().toLowerCase(), name, org, hash,
                    List.of(role));
                rank(person, role);
                n++;
            }
        }
        // a second member, so that a group of members is a group
        rank(orgService.createPerson("bq_member2", "孙玉兰", town, hash, List.of(Role.MEMBER)), Role.MEMBER);
        orgService.createPerson("admin", "系统管理员", city, hash, List.of(Role.ADMIN));
        log.info("Demo data loaded: 5 organisations and their people; password '{}'", PASSWORD);
    }

    /** Cadre ranks as a study group has them (seed 003): its leaders 处级, the members and office 科级, the rest none. */
    private void rank(Person person, Role role) {
        person.setCadreRank(switch (role) {
            case LEADER, DEPUTY, DEPT, MANAGER -> CadreRank.SENIOR;
            case SECRETARY, PUBLICITY, OFFICE, MEMBER -> CadreRank.SECTION;
            default -> CadreRank.OTHER;
        });
        people.updateDetails(person);
    }
}
