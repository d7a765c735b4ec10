package cn.studyflow.archive;

import cn.studyflow.archive.ArchiveSource.ArchivePart;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Asks every feature for its part of an organisation's year, in one read-only transaction. */
@Service
@RequiredArgsConstructor
class ArchiveContents {

    private final List<ArchiveSource> sources;

    /** The parts of the year in their order; nothing is checked here (see {@link ArchiveService}). */
    @Transactional(readOnly = true)
    public List<ArchivePart> parts(long orgId, int year, Locale locale) {
        return sources.stream().map(s -> s.part(orgId, year, locale))
            .sorted(Comparator.comparingInt(ArchivePart::order)).toList();
    }

    /** Lets every source bring its derived data up to date; outside any transaction, each source runs its own. */
    public void prepare(long orgId, int year) {
        sources.forEach(s -> s.prepare(orgId, year));
    }

    /** Whether a year holds nothing at all: no part counts anything. */
    static boolean isEmpty(List<ArchivePart> parts) {
        return parts.stream().allMatch(p -> p.count() == 0);
    }
}
