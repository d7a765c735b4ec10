package cn.studyflow.lecture;

import cn.studyflow.org.CurrentUser;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * The lecture library (党课资源库): lectures selected at some level of a campaign of an organisation at or above
 * the reader's, searchable by title, category, topic, level and year; and a campaign's results at the top.
 */
@Service
@RequiredArgsConstructor
public class LectureLibrary {

    private final LectureMapper mapper;

    public List<LectureEntry> search(CurrentUser user, LibraryFilter filter) {
        filter.readBy(user.getOrg().getPath());
        filter.setCategory(LibraryFilter.blankToNull(filter.getCategory()));
        filter.setTopic(LibraryFilter.blankToNull(filter.getTopic()));
        return mapper.selectLibrary(filter);
    }

    /** Outstanding lectures, lecturers and organising units of a campaign, once its top round named them. */
    public record Results(List<LectureEntry> lectures, Set<String> lecturers, Set<String> units) {

        public boolean isEmpty() {
            return lectures.isEmpty();
        }
    }

    public Results results(Campaign c) {
        List<LectureEntry> awarded = mapper.selectEntries(c.getId()).stream().filter(LectureEntry::isAwarded).toList();
        Set<String> lecturers = new LinkedHashSet<>();
        Set<String> units = new LinkedHashSet<>();
        awarded.forEach(e -> {
            lecturers.add(e.getLecturerName());
            units.add(e.getOrgName());
        });
        return new Results(awarded, lecturers, units);
    }
}
