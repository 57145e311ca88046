package com.wuaigou.ops.personnel.service;

import com.wuaigou.ops.personnel.domain.GroupRole;
import com.wuaigou.ops.personnel.domain.StaffStatus;
import com.wuaigou.ops.personnel.service.StaffService.Contact;
import com.wuaigou.ops.personnel.service.StaffService.NewStaff;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The local stack's fictional roster: 38 people over the six groups, one manager each, with fixed ids. Id 1 is the
 * department director (manager of OPS), id 10 an ordinary active customer-service member. Every person is marked
 * demo and their employee number starts with {@value #PREFIX}.
 */
final class DemoRoster {

    static final String PREFIX = "DEMO-";

    record DemoPerson(long id, NewStaff staff) {
    }

    private static final String[] NAMES = {
            "Zhao Min", "Qian Lei", "Sun Yue", "Wang Fang", "Zhou Jie", "Wu Ting", "Zheng Hao", "Feng Lin",
            "Chen Xin", "Li Na", "Chu Yang", "Wei Lan", "Jiang Tao", "Shen Qi", "Han Mei", "Yang Bo",
            "Zhu Li", "Qin Feng", "You Jia", "Xu Wen", "He Ping", "Lü Dan", "Shi Rui", "Zhang Hua",
            "Kong Yi", "Cao Jing", "Yan Kai", "Hua Ying", "Jin Peng", "Wei Xue", "Tao Ran", "Jiang Yu",
            "Qi Ming", "Xie Yun", "Zou Jun", "Yu Shan", "Bai Lu", "Shui Qing"};

    /** Group, manager post, member posts and how many people, in id order. */
    private record Block(String group, String managerPost, List<String> memberPosts, int size) {
    }

    private static final List<Block> BLOCKS = List.of(
            new Block("OPS", "OPS-DIRECTOR", List.of("OPS-SERVICE"), 3),
            new Block("CS", "CS-LEAD", List.of("CS-AGENT"), 10),
            new Block("PB", "PB-LEAD", List.of("PB-EDITOR", "PB-BUSINESS", "PB-PLANNER"), 10),
            new Block("PRODUCT", "PRODUCT-LEAD", List.of("PRODUCT-PLANNER"), 5),
            new Block("DESIGN", "DESIGN-LEAD", List.of("DESIGN-ARTIST"), 6),
            new Block("PHOTO", "PHOTO-LEAD", List.of("PHOTO-PHOTOGRAPHER"), 4));

    private static final String[] DIRECTIONS = {
            "Towards group management", "Deeper specialist skills in the current post",
            "Cross-training in a neighbouring group", null};

    /** Id 13 is on leave, to show the status; nobody else. */
    private static final long ON_LEAVE_ID = 13;

    private DemoRoster() {
    }

    static List<DemoPerson> people() {
        List<DemoPerson> people = new ArrayList<>();
        long id = 1;
        for (Block block : BLOCKS) {
            for (int i = 0; i < block.size(); i++, id++) {
                boolean manager = i == 0;
                String post = manager ? block.managerPost() : block.memberPosts().get((i - 1) % block.memberPosts().size());
                LocalDate hired = LocalDate.of(2023, 1, 3).plusDays(id * 23);
                StaffStatus status = id == ON_LEAVE_ID ? StaffStatus.ON_LEAVE : StaffStatus.ACTIVE;
                LocalDate since = id == ON_LEAVE_ID ? LocalDate.of(2026, 10, 8) : hired;
                String number = PREFIX + String.format("%03d", id);
                people.add(new DemoPerson(id, new NewStaff(number, NAMES[(int) id - 1], block.group(), post,
                        manager ? GroupRole.MANAGER : GroupRole.MEMBER, status, since, hired,
                        DIRECTIONS[(int) (id % DIRECTIONS.length)],
                        new Contact("1380000" + String.format("%04d", id), String.valueOf(80000000 + id),
                                "demo" + id + "@example.com"), true)));
            }
        }
        return people;
    }
}
