/**
 * Subjects a post can be about, by the words people use for them, and the
 * words a profile's category carries when it covers that subject. A school
 * canteen poisoning names neither 食品 nor 教育, but its subject points to
 * the category whose name or keywords say 食品/食堂 (or 学校, or 事故).
 * Profile-independent: the profile's own keywords are matched first and
 * weigh double.
 */

/** One subject: words in posts → words in a matching category's name or keywords. */
export interface Subject {
  name: string;
  words: readonly string[];
  categoryHints: readonly string[];
}

export const SUBJECTS: readonly Subject[] = [
  {
    name: '食品安全',
    words: ['食物中毒', '食堂', '饭菜', '午餐', '晚餐', '变质', '后厨', '外卖', '牛奶', '原料', '地沟油', '餐饮', '腹泻'],
    categoryHints: ['食品', '食堂', '餐馆', '餐饮'],
  },
  { name: '药品安全', words: ['药店', '处方药', '假药', '药品'], categoryHints: ['药品', '药'] },
  {
    name: '教育',
    words: ['小学', '中学', '中小学', '幼儿园', '一中', '二中', '学生', '家长', '晚自习', '校长', '班主任', '学校'],
    categoryHints: ['教育', '学校', '学生'],
  },
  { name: '医疗卫生', words: ['卫生院', '看病', '医院', '诊所', '疫苗', '接种', '挂号'], categoryHints: ['医疗', '医院', '卫生'] },
  {
    name: '公用设施',
    words: ['自来水', '停水', '停电', '供电', '供水', '路灯', '红绿灯', '路口', '公交', '健身器材', '井盖', '水管', '道路'],
    categoryHints: ['供水', '停电', '道路', '公交', '路灯', '设施'],
  },
  { name: '住房物业', words: ['物业', '业主', '购房', '楼盘', '售楼处', '房东'], categoryHints: ['物业', '住房', '楼盘'] },
  { name: '就业工资', words: ['拖欠', '欠薪', '工资', '农民工', '讨薪'], categoryHints: ['工资', '就业', '欠薪'] },
  { name: '价格收费', words: ['天价', '停车费', '涨价', '收费', '物价'], categoryHints: ['价格', '收费'] },
  { name: '社会治安', words: ['打架', '斗殴', '偷盗', '抢劫', '治安', '砍人'], categoryHints: ['治安', '打架'] },
  {
    name: '突发事件',
    words: ['爆炸', '坍塌', '垮塌', '倒塌', '塌方', '滑坡', '火灾', '起火', '山火', '泄漏', '中毒', '踩踏', '溃坝', '决堤', '倾覆', '侧翻', '追尾', '透水', '台风', '洪水', '地震', '遇难', '死亡'],
    categoryHints: ['事故', '应急', '灾害', '突发'],
  },
  { name: '涉外', words: ['外籍', '外国人', '外商', '华侨'], categoryHints: ['涉外', '外籍', '外国'] },
  { name: '谣言', words: ['谣言', '辟谣', '造谣', '不实', '虚假信息'], categoryHints: ['谣言', '辟谣'] },
];
