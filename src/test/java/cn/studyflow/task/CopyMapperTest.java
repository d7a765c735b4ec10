package cn.studyflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.studyflow.org.Org;
import cn.studyflow.org.OrgMapper;
import cn.studyflow.org.Person;
import cn.studyflow.org.PersonMapper;
import cn.studyflow.org.Role;
import cn.studyflow.support.MapperTest;
import cn.studyflow.support.Rows;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MapperTest
class CopyMapperTest {

    @Autowired CopyMapper copies;
    @Autowired OrgMapper orgs;
    @Autowired PersonMapper people;

    Person leader;
    Person member;
    Person other;

    @BeforeEach
    void people() {
        Org town = Rows.org(orgs, "卞桥镇党委", null);
        leader = Rows.person(people, town, "王建国", true, Role.LEADER);
        member = Rows.person(people, town, "李文华", true, Role.MEMBER);
        other = Rows.person(people, town, "张海燕", true, Role.MEMBER);
    }

    @Test
    void aPersonsCopiesAreListedNewestFirstAndPaged() {
        OffsetDateTime start = OffsetDateTime.parse("2031-03-01T09:00:00+08:00");
        Copy first = copy("PLAN", 1, member, start);
        Copy second = copy("MATERIAL", 2, member, start.plusHours(1));
        Copy third = copy("PLAN", 3, member, start.plusHours(2));
        copy("PLAN", 4, other, start.plusHours(3));

        assertThat(copies.selectByPerson(member.getId(), 0, 10)).extracting(Copy::getId)
            .containsExactly(third.getId(), second.getId(), first.getId());
        assertThat(copies.selectByPerson(member.getId(), 1, 1)).extracting(Copy::getId).containsExactly(second.getId());
        assertThat(copies.countByPerson(member.getId())).isEqualTo(3);
        assertThat(copies.countByPerson(leader.getId())).isZero();

        Copy read = copies.selectByPerson(member.getId(), 2, 1).get(0);
        assertThat(read.getSubjectType()).isEqualTo("PLAN");
        assertThat(read.getSubjectId()).isEqualTo(1L);
        assertThat(read.getStepName()).isEqualTo("组长审批");
        assertThat(read.getCopiedByName()).isEqualTo("王建国");
        assertThat(read.getComment()).isEqualTo("请阅知");
    }

    @Test
    void copiesOfOneSubjectNameTheirReadersAndGrantOnlyThem() {
        OffsetDateTime now = OffsetDateTime.now();
        copy("PLAN", 7, member, now);
        copy("PLAN", 7, other, now);
        copy("MATERIAL", 7, leader, now);

        assertThat(copies.selectPersonIds("PLAN", 7)).containsExactlyInAnyOrder(member.getId(), other.getId());
        assertThat(copies.countBySubjectAndPerson("PLAN", 7, member.getId())).isOne();
        assertThat(copies.countBySubjectAndPerson("PLAN", 7, leader.getId()))
            .as("a copy of a material with the same id grants nothing on the plan").isZero();
        assertThat(copies.countBySubjectAndPerson("MATERIAL", 7, leader.getId())).isOne();
    }

    private Copy copy(String type, long subjectId, Person to, OffsetDateTime at) {
        Copy copy = new Copy();
        copy.setSubjectType(type);
        copy.setSubjectId(subjectId);
        copy.setProcessInstanceId("pi-" + subjectId);
        copy.setStep("approveByLeader");
        copy.setStepName("组长审批");
        copy.setTitle("标题" + subjectId);
        copy.setPersonId(to.getId());
        copy.setCopiedBy(leader.getId());
        copy.setCopiedByName(leader.getDisplayName());
        copy.setComment("请阅知");
        copy.setCreatedAt(at);
        copies.insert(copy);
        return copy;
    }
}
