package cn.studyflow.archive;

import cn.studyflow.archive.ArchiveSource.ArchivePart;
import java.util.List;

/** What is known of an organisation's year before its archive is written: its parts and whether it is closed. */
record ArchiveYear(long orgId, String orgName, int year, List<ArchivePart> parts, ClosedYear closed) {

    int count(String titleKey) {
        return parts.stream().filter(p -> p.titleKey().equals(titleKey)).mapToInt(ArchivePart::count).sum();
    }

    boolean isEmpty() {
        return ArchiveContents.isEmpty(parts);
    }
}
