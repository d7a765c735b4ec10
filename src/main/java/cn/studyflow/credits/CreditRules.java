package cn.studyflow.credits;

import cn.studyflow.common.BusinessException;
import cn.studyflow.org.CurrentUser;
import cn.studyflow.org.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit rules: the default of application.yml, and the rules the system administrator saves, each in force
 * from its day until the next one. A new rule never touches lines of a closed year (they are frozen) and applies to
 * open years at the ledger's next refresh.
 */
@Service
@RequiredArgsConstructor
public class CreditRules {

    private static final BigDecimal MAX_CREDITS = new BigDecimal("1000");

    private final CreditRuleMapper mapper;
    private final CreditProperties properties;
    private final Clock clock;
    private final MessageSource messages;

    /** Every rule, the default first, then by the day each applies from. */
    public RuleBook book() {
        Map<Long, CreditRule> saved = new LinkedHashMap<>();
        Map<Long, Map<String, BigDecimal>> items = new LinkedHashMap<>();
        Map<Long, LocalDate> days = new LinkedHashMap<>();
        for (CreditRuleMapper.ItemRow row : mapper.selectItems()) {
            items.computeIfAbsent(row.ruleId(), id -> new TreeMap<>()).put(row.item(), row.credits());
            days.put(row.ruleId(), row.effectiveFrom());
        }
        items.forEach((id, values) -> saved.put(id, new CreditRule(id, days.get(id), values)));
        return new RuleBook(properties.defaults(), new ArrayList<>(saved.values()),
            properties.halfDayLength().toMinutes());
    }

    /** The items a rule has, in the order the page lists them: the default's, which application.yml names. */
    public List<String> items() {
        return List.copyOf(properties.defaults().items().keySet());
    }

    /**
     * Saves a rule in force from {@code from}: every item of the default must be given, none negative, a make-up's
     * share at most 1. Refused (400, nothing saved) with the item named; a second rule for the same day is a 409.
     */
    @Transactional
    public CreditRule save(CurrentUser user, LocalDate from, Map<String, String> values) {
        if (user == null || !user.has(Role.ADMIN)) {
            throw BusinessException.forbidden();
        }
        if (from == null) {
            throw BusinessException.invalid("credits.rule.noDay");
        }
        Map<String, BigDecimal> items = new TreeMap<>();
        for (String item : items()) {
            items.put(item, parse(item, values == null ? null : values.get(item)));
        }
        if (items.get(CreditRule.MAKEUP_SHARE).compareTo(BigDecimal.ONE) > 0) {
            throw BusinessException.invalid("credits.rule.shareTooLarge");
        }
        if (mapper.countByDay(from) > 0) {
            throw BusinessException.conflict("credits.rule.dayTaken", from);
        }
        CreditRuleMapper.RuleRow row = new CreditRuleMapper.RuleRow();
        row.effectiveFrom = from;
        row.createdBy = user.getPersonId();
        row.createdAt = OffsetDateTime.now(clock);
        try {
            mapper.insertRule(row);
        } catch (DuplicateKeyException e) {
            // another administrator saved a rule for the same day between the check and this insert
            throw BusinessException.conflict("credits.rule.dayTaken", from);
        }
        items.forEach((item, credits) -> mapper.insertItem(row.id, item, credits));
        return new CreditRule(row.id, from, items);
    }

    /** An item's label in the reader's language, for a refusal that names it. */
    private String label(String item) {
        return messages.getMessage("credits.item." + item, null, item, LocaleContextHolder.getLocale());
    }

    private BigDecimal parse(String item, String text) {
        if (text == null || text.isBlank()) {
            throw BusinessException.invalid("credits.rule.missing", label(item));
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw BusinessException.invalid("credits.rule.notANumber", label(item), text.strip());
        }
        if (value.signum() < 0) {
            throw BusinessException.invalid("credits.rule.negative", label(item), value.toPlainString());
        }
        if (value.compareTo(MAX_CREDITS) > 0 || value.scale() > 2) {
            throw BusinessException.invalid("credits.rule.outOfRange", label(item), value.toPlainString());
        }
        return value;
    }

    /** The rules read once for a refresh: which is in force on a day. */
    public record RuleBook(CreditRule defaults, List<CreditRule> saved, long halfDayMinutes) {

        public RuleBook {
            saved = saved.stream().sorted(Comparator.comparing(CreditRule::effectiveFrom)).toList();
        }

        /** The rule in force on {@code day}: the last saved one from that day or before, else the default. */
        public CreditRule at(LocalDate day) {
            CreditRule rule = defaults;
            for (CreditRule r : saved) {
                if (!r.effectiveFrom().isAfter(day)) {
                    rule = r;
                }
            }
            return rule;
        }

        /** A year's targets are those in force on its first day, so that a year keeps one target throughout. */
        public CreditRule forTargets(int year) {
            return at(LocalDate.of(year, 1, 1));
        }
    }
}
