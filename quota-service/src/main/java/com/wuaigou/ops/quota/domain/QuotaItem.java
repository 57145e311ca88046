package com.wuaigou.ops.quota.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A workload of a group's catalog. Its number lives in {@link QuotaTarget} rows, dated. */
@Entity
@Table(name = "quota_item")
public class QuotaItem extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String code;
    @Column(name = "group_code")
    public String groupCode;
    public String category;
    @Column(name = "name_zh")
    public String nameZh;
    @Column(name = "name_en")
    public String nameEn;
    @Enumerated(EnumType.STRING)
    public Shape shape;
    public String unit;
    @Enumerated(EnumType.STRING)
    public Period period;
    @Column(name = "std_minutes")
    public Integer stdMinutes;
    @Column(name = "crew_min")
    public Integer crewMin;
    @Column(name = "crew_max")
    public Integer crewMax;
    /** Slot names separated by semicolons, as in the catalog CSV. */
    public String slots;
    public String notes;
    @Column(name = "retired_on")
    public LocalDate retiredOn;
    @Version
    public long version;

    public static Optional<QuotaItem> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The codes of the items, by id, in one query: a list of logs names its items without loading each. */
    public static Map<Long, String> codesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select i.id, i.code from QuotaItem i where i.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    public List<String> slotList() {
        return slotsOf(slots);
    }

    /** The slots of the stored column, which separates them with semicolons. */
    public static List<String> slotsOf(String slots) {
        if (slots == null || slots.isBlank()) {
            return List.of();
        }
        return Arrays.stream(slots.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean isRetiredOn(LocalDate date) {
        return retiredOn != null && !date.isBefore(retiredOn);
    }
}
