package cn.studyflow.lecture;

import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.OrgService;
import cn.studyflow.session.SessionQueries.PersonOption;
import cn.studyflow.session.SpeakerPool;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The teacher pool (师资团): lecturers named outstanding in a campaign of an organisation at or above the reader's,
 * as the library reads lectures; offered to {@code session} as lead speakers of the organisation's sessions.
 */
@Service
@RequiredArgsConstructor
public class TeacherPool implements SpeakerPool {

    private final LectureMapper mapper;
    private final OrgService orgService;

    public List<Teacher> readable(CurrentUser user) {
        return mapper.selectTeachers(user.getOrg().getPath());
    }

    @Override
    public List<PersonOption> speakersFor(long orgId) {
        return mapper.selectTeachers(orgService.get(orgId).getPath()).stream()
            .map(t -> new PersonOption(t.getPersonId(), t.getName(), t.getOrgName())).toList();
    }
}
