"""What a question asks: the kind of information wanted (its *attribute*) and how much of the
documents an answer must cover (its *scope*).

Later stages check answers against this, instead of against fitted special cases: a question
asking *when* needs a date in the sentence about its subject, one asking *how much money* needs
an amount in 元, one asking *which places mention X* needs every section that mentions X, one
comparing 2023 with 2024 needs a section of each year.

The cue words are those of ordinary Chinese and English questions (何时, 多少钱, 哪些地方, when,
how much); none names a topic of any document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .header import WHEN_ASKED
from .scope import figure_put_to_confirm, stated_figure_asked, without_stated_figures
from .text import COUNTED, ITEM_POINTER, normalize_query, without_parts_named


class Attribute(str, Enum):
    """The kind of information a question asks for."""

    QUANTITY = "quantity"      # a figure: 多少, 几家, 比例, how many
    MONEY = "money"            # an amount of money: 多少钱, 预算, 补贴多少
    DATE = "date"              # a time: 什么时候, 哪天, 截止, when
    PERSON = "person"          # a person's name or post holder: 组长是谁, 姓名
    ORGANISATION = "organisation"  # a named institution: 哪所学校主考, 哪家企业中标
    PLACE = "place"            # a location: 在哪, 地址, 选址, where
    PROCEDURE = "procedure"    # how to apply: 怎么申请, 流程, 材料, 条件
    CONTACT = "contact"        # 电话, 邮箱, 网址
    REASON = "reason"          # why: 为什么, 原因是什么, why
    GRADE = "grade"            # a grade or rating: 什么等级, 评了几星, what rating
    ADVICE = "advice"          # a recommendation for the asker: 推荐哪个牌子, 买哪款好
    AGENCY = "agency"          # responsible units: 哪些部门负责, 由谁牵头
    MENTIONS = "mentions"      # where the documents mention something
    OPEN = "open"              # anything else: what, which, how


class Scope(str, Enum):
    """How much of the documents an answer must draw on."""

    SINGLE = "single"          # one section answers
    ALL = "all"                # every section about the topic (mentions, 有哪些…内容)
    COMPARE = "compare"        # one section per year or part (2023 vs 2024)


# Which of two is more, with the measure compared between (哪个多, 谁高, 哪个合格率高, 哪个营收规模
# …): followed by the comparative adjective (多, 高…) where it is used.
COMPARED = r"(?:哪(?:个|项|一个|一项|边|方|种)|谁)的?(?:[\u4e00-\u9fff]{0,4}?(?:数量|数|比例|得分|分|规模|金额|额|率|量|值))?(?:更|比较|要)?"
_MONEY = re.compile(r"多少钱|几(块)?钱|(多少|几)(万|亿)?元|金额|预算|经费|工资|薪资|薪水|薪酬|月薪|年薪|(补贴|补助)(多少|几|金额|标准|资金)|(补贴|补助|资助|奖励金)[^。？?！!]{0,8}?(多少|几)(?![个项家名人次批件起])|"
                    r"(交|缴|付|收|花)(多少|几).{0,6}费|多少.{0,4}费\b|罚(了)?(多少|几)(?![个项家名人次批件起回])|"
                    r"(多少|几).{0,4}(补贴|补助)(?!性)|(多少|几)[^，,。？?]{0,3}(奖励|奖金)(?!性)|(补贴|补助|资助)(?!性)[^，,。？?]{1,4}(多少|几)(?![人家个项次])|奖金|奖励(多少|几)|罚款|罚没|费用|收费|"
                    r"利润|营收|收入|产值|销售额|投资额|保费|费率|费用?(大概|大约|一般)?(是|按)?(什么|啥|多少)?标准|"
                    r"价格|多少资金|资金(有|是)?多少|how much money|amount of money|money involved|amount involved|"
                    r"value (of|involved)|budget|funding|how (much|large|big) (is |was |are |were )?(the )?subsid|"
                    r"fine[sd]?\b|fee|cost|price",
                    re.IGNORECASE)
_DATE = re.compile(r"什么时候|啥时候|啥时|何时|(?:什么|哪个)时间(?!内)|哪会儿|哪天|哪一天|几号|几月|哪个月|哪年|哪一年|哪[几两三四五]年|什么日子|日期|时间表|时间节点|期限(?![\u4e00-\u9fff]{0,2}的)|(截止|截至)(时间|日期|期限|到?(什么时候|啥时候|哪天|何时|几号|哪一天))|(什么时候|啥时候|哪天)截止|"
                   # when asks before its verb, not as a conjunction (…pass rate when they tested…)
                   r"几点|多久|多长时间|哪个阶段完成|" + WHEN_ASKED + r"|(what|which|on what) (date|day|month)|which year|what year|deadline|by when|how long",
                   re.IGNORECASE)
_PERSON = re.compile(r"(组长|副组长|局长|主任|处长|负责人|领导|专家|联系人|获奖者|获奖人|法人|代表|起草人|作者|主编|嘉宾|主讲人?|主持人|评委|讲师|董事长|总经理)(都|分别|各自?|现在|目前|现任|具体|到底)?(是谁|叫什么|是哪位|姓什么|名字)|"
                     r"哪(位|一位|几位)(专家|院士|教授|学者|领导|负责人|局长|市长|主任|同志)|"
                     r"谁是[^，,。？?]{0,16}(组长|局长|主任|处长|负责人|董事长|总经理|市长)|"
                     # a winner or a signer is a person (谁拿了冠军, 签发人, 哪位领导签发的)
                     r"谁(拿|获|得|夺|赢)(了|得)?(冠军|亚军|季军|第一名?|金奖|大奖|一等奖)|(冠军|亚军|季军|得主)(是|为|都是)?(谁|哪位|哪个|哪家)|"
                     r"签发人|签批人|哪位(领导|同志|负责人|局长|市长|主任)?(签发|签批|签署|签的|批的)|"
                     r"姓名|叫什么名字的人|是哪位|(是|由)?谁(最早|最先|首先)?(发现|发明|提出|创立|创造|写)的|who (is|was) (the )?(head|director|leader|chair|person)", re.IGNORECASE)
# A named institution asked (由哪所学校主考？ 哪家银行放的贷？) — not who is responsible (哪个单位负责:
# :data:`_AGENCY`, read first).
_ORGANISATION = re.compile(r"哪(所|家|一家|个|一个)(学校|大学|高校|院校|学院|医院|银行|企业|公司|律所|检测机构|认证机构|船厂|工厂|厂)|"
                           # the maker or builder of a thing (是哪家施工单位干的？): a name is asked
                           r"哪(所|家|一家)[\u4e00-\u9fff]{0,3}(施工|承建|建设|设计|监理|生产|制造|供应)(单位|企业|公司|方|商)|"
                           # whose products (涉及哪些品牌的产品): makers' names are asked
                           r"哪(些|几)(个|家)?(品牌|厂家|厂商|商家|生产商)|哪(些|几)(个|家)?(企业|公司)的|"
                           r"获奖(企业|单位|组织|者)?名单|(得奖|获奖|中标|入选)的?(企业|单位|组织)(是|有)(哪|谁)|"
                           # who won an award (谁获奖了？ 第五届中国质量奖谁拿到了？): the winners' names
                           r"谁(获|得|拿|夺|赢|评上)(了|得|到)?[^，,。？?]{0,12}奖|谁(获奖|得奖|中标|入选|上榜)|(获奖|得奖|中标|入选|上榜)(的|了)?(企业|单位|组织)?(都|分别)?(是|有)谁|"
                           r"奖[^，,。？?]{0,6}(被|让)?谁(获得|拿到|拿|得|评上)了?|"
                           # which ones won (哪几家拿到了, 评上的是哪些企业): their names are asked
                           r"哪(几|些)(家|个)?(企业|单位|组织|公司)?(最后|最终)?(拿|获|得|评上|入选|中标|上榜|夺)|"
                           r"(拿到|获得|获奖|得奖|评上|入选|中标|上榜)的?(是|有)哪(几|些)(家|个)?(企业|单位|组织|公司)?(?![一-鿿]{0,3}(部门|任务|工作|项目|产品|领域|标准|措施))|"
                           # the firms chosen, and their list (选了哪些企业？有名单吗？)
                           r"(选|挑|定|评)(了|上|出)?哪(些|几)(家|个)?(企业|公司)|(有|有没有|公布|公开)[^，,。？?]{0,4}名单|名单(吗|呢|有没有|在哪|公布)|"
                           # the members of a counted group of them (那几家组织都是谁？ 这8家企业分别是哪些？)
                           r"(那|这|哪)[几些\d]+(家|个)?(?:[^，,。？?]{0,14}?)(企业|单位|组织|公司|机构)(都|分别|具体)?是(谁|哪些|哪几家|哪几个)")
_PLACE = re.compile(r"(?<![用落排现写提列])在哪(?![些几类种方个二两三四五六七八九十\d项条部份批届款章节篇])|在(?:上海|上海市|本市|全市|市内|市里)?哪个(区|县|镇|街道|地方|位置|城市|省|园区|地点|楼|场馆|场地|会场|会议中心|酒店)|哪个(场馆|会场|会议中心)|(?<!用在)哪里|哪儿|地址|位于|落在哪(?![些几])|落户哪|选址|哪个区|(在|位于|分布在|落在|建在|设在|设到)哪(些|几个)(区|县|镇|街道|城市|省份?|地方|国家|地区)|(放|发|发布|播|播出|投放|上线)(在|到)哪(个|些)(平台|渠道|网站|媒体|App|APP|app)|在哪(个|些)(平台|渠道|网站|媒体)上?(能|可以|才能|能够)?(发|播|看|放|上线|发布)|哪(条|一条)(路|街|马路|大道)|哪(个|一个|些|几个)省|(是|属于|来自|到|去|在|向|往|赴|出口|销往|推广到)哪(个|一个|些|几个)?国家(?![级重标计质制产])|哪(个|一个|些|几个)国家(?=[？?，,。呢吗和与或]|$)|具体位置|哪(?:个|一个|些)[^，,。？?]{0,4}(?:窗口|柜台|服务大厅|办事大厅|服务点|网点)|where\b(?!.{0,60}\b(rank|ranked|ranks|ranking|stand|stands|stood|placed)\b)|address|located",
                    re.IGNORECASE)
_PROCEDURE = re.compile(r"(怎么|怎样|如何|去哪)(申请|申报|报名|办理|参加|认定|认证|评上|加入|领取|提交|投诉|举报|维权|签约|退货|退换)|流程|程序|手续|"
                        # (materials asked of, not the user's errand: 我下周要交材料，去年合格率多少？)
                        r"(需要|要|准备).{0,4}(材料|资料|条件)(?=[^，,。；;！!]*(?:[？?吗呢么]|$))|(申请|申报|报名|参评|参选|评选|入选|认定)(的)?条件|(什么|啥|哪些|何种)(样的)?(额外|特别|特殊|具体|硬性|基本|附加)?条件|条件是(什么|啥)|条件有哪些|门槛|资格|(要|需要|得|必须|应当?)(达到|满足|符合)(哪些|什么|啥|哪几)[^，,。？?]{0,4}(指标|标准|要求|条件)|(达到|满足|符合)(哪些|什么|啥|哪几)[^，,。？?]{0,4}(指标|标准|要求|条件)[^，,。？?]{0,2}才|(入选|评选|申报|认定|参评|评定)(的)?(标准|要求|指标)(是什么|是啥|有哪些|有啥)|(报考|报名|申报|参评|申请)[^，,。？?]{0,4}(要|需要|得)(什么|啥|哪些)(学历|资质|证书|材料|条件)|(评分|打分|计分)的?(细则|标准|规则|办法)|(按|根据|依据|凭)(什么|啥|哪些)[^，,。？?]{0,8}(打分|评分|计分)|(怎么|如何|怎样)(打分|评分|计分)|how (do|can|to) .{0,20}(apply|register|join)|"
                        # the form to fill in and where to get it (要填什么表？去哪下载？), the asker's
                        # own qualifications (学历和工作年限要求)
                        r"填(什么|啥|哪些|哪张|哪个|哪种)(样的)?(表|材料|资料)|(去|在|从|到)哪(里|儿)?下载|(怎么|如何)下载|"
                        r"(学历|年限|资历|年龄|工作经验|从业经验)[^，,。？?]{0,6}(要求|条件|门槛|限制)|"
                        r"procedure|eligib|requirements? to", re.IGNORECASE)
# How far something reaches (延伸到哪里, 拓展到哪一步): a stage or a scope is asked, not a location.
_EXTENT = re.compile(r"(?:延伸|延展|拓展|扩展|扩大|扩围)(?:到|至)哪(?:里|儿|一步)")
# A number of figures asked for (要几个数, 这几项数据, 以下几个指标): no measure of what they count.
# (…or how many are named, 要三个“成绩单”数字)
_FIGURES_COUNTED = re.compile(r"(?:几|多少|[两三四五六七八九十\d])(?:个|项|组)(?:[“\"「][^”\"」]{1,8}[”\"」])?(?:数|数字|数据|指标)")
# A grade or rating awarded (考核得了什么等级？ 评了几星？): a grade word answers, not a count.
_GRADE = re.compile(r"(什么|啥|哪个|哪一|哪|几)(个)?(等级|档次|评级|星级|等次)|评(了|为|上|成|到)?(什么|啥|几|哪)(级|星|等|档)|"
                    r"(得|拿|获|评)了?(什么|啥|几)(级|星|个A)|几星|what (grade|rating)|which (grade|rating)|how many stars",
                    re.IGNORECASE)
_REASON = re.compile(r"(?<!定位)(?<![作成称视列定])为(?:什么|啥)|为何|何故|缘何|凭什么|怎么会|原因|缘故|"
                     # (定位为什么？ 列为什么？ ask as what, not why)
                     # how come (审结59件怎么比受理的55件还多？ 合格率怎么这么低？)
                     r"怎么(?:就|还|倒|反而)?(?:比(?!较)[^，,。？?]{1,12}?(?:还|更|都)|这么|那么|才(?=\d))|"
                     # what has gone wrong (燃气灶打不着火是咋回事？ — not 数据中心是咋回事: what it is, nor
                     # 货证不一是怎么回事: a term of the documents for a mismatch)
                     r"(?:不(?!一)|没)[\u4e00-\u9fff]{0,4}?(?:了|的)?(?:是)?(?:咋|怎么)回事|"
                     r"\bwhy\b|\breasons?\b", re.IGNORECASE)
# Where or to whom the asker takes an errand of their own (去哪送检, 服务投诉找谁): advice, not the
# units the documents make responsible.
_ERRAND = re.compile(r"去哪(?:里|儿)?(送检|送|检测|买|修|报修|找)|(投诉|举报|维权|报修|退货|退款|理赔)(该|要|应该|可以|能)?(找谁|找哪|去哪)")
# Asking the assistant to recommend something to buy, visit or choose (扫地机器人推荐哪个牌子？
# 周末有啥好路线推荐？), or which step the asker should take (是打12315还是直接去法院起诉？ 我该找谁？):
# documents that report and plan public work advise their reader on none of it.
_ADVICE = re.compile(r"推荐(一下|下|个|几个|几款)?(哪|什么|啥)(个|款|家|种|些|几)?(牌子|品牌|产品|型号|路线|店|餐厅|地方|景点)?|"
                     r"(你|给我|帮我|能|可以)推荐|推荐(一|几)(个|条|家|款|些|所)[^？?，,。]{0,12}(吧|吗|呢)?(?=[，,？?。.!！]|$)|"
                     r"有(啥|什么|没有)(好的?|靠谱的?)?[\u4e00-\u9fffA-Za-z0-9]{0,10}(推荐|可以推荐)|推荐给(我|咱|俺)|推荐的?[\u4e00-\u9fff]{0,4}(吗|呢|不)|"
                     r"哪(个|款|家|种)(牌子|品牌)|什么(牌子|品牌)(的)?(好|靠谱|比较好)|(买|选|挑)(哪|什么)(个|款|家|种|牌)|"
                     # what is best to buy or eat (奖品买什么比较好？ 晚饭吃啥好？)
                     r"(买|选|挑|送|吃|喝|穿)(点)?(什么|啥)[\u4e00-\u9fff]{0,4}?(比较|最|更)?好[？?吗呢啊呀]*\s*$|"
                     r"(是|该|应该|要)(先)?(打|找|去|报|投诉|申请)[^？?，,。]{0,20}还是(直接|先|去)*(打|找|去|报|投诉|起诉|申请)|"
                     r"(我|我们)(应该|该|要)(怎么办|找谁|去找谁|去哪里?|去哪儿)|(?<!年)(怎么|咋|如何)(办(?!理)|自救)|要不要(扔|买|换|用|吃|退|修)|(我|自己)(自己)?能(不能)?(换|修|装|拆|用)[^？?，,]{0,6}吗|(我|自己)(自己)?(怎么|咋|如何|怎样)(修|换|装|拆|弄好|处理|解决)|"
                     # (…该跟哪个部门对接？ asks a responsible unit, not advice)
                     r"(我|我们|我司|咱们)[^？?。]{0,12}(应该|应当|该不该|要不要|需不需要|该)(?!关注|了解|注意|留意|看|重点)[^？?，,。]{0,16}(还是|什么|哪(?!(个|些|几个|家)(部门|单位|委办局|机构))|谁)|"
                     r"你(建议|推荐)|你(觉得|认为|看)[^？?]{0,20}(值得|值不值|划算|该不该|要不要|好不好|靠谱)|"
                     r"建议(我|我们)(先)?(做|选|报|申报|申请|去|买)|(帮|替)(我|我们)(选|挑)|值得(吗|不)|值不值得|"
                     # …or how the asker should do something (教我怎么…, how do I…?), whether it suits
                     # them (适合去…不？), or how to slip past the regulators (躲过监督抽查)
                     r"(教|告诉|指导)(我|我们)(怎么|如何|咋|怎样)|适合[^？?，,。]{0,12}(吗|不|么)(?=[？?。.!！]|$)|"
                     r"(躲过|躲避|逃过|逃避|规避|绕过|绕开|蒙混|钻空子|应付)[^？?，,。]{0,12}(检查|抽查|监管|执法|检测|抽检)|"
                     # how the asker should prepare for an exam (怎么复习), what to choose (要选有啥认证的),
                     # whether a service deserves trust (第三方检测靠谱吗), where to take an errand (去哪送检)
                     r"(怎么|怎样|如何|咋)(复习|备考|准备考试|刷题)|(要|该|应该|得)(选|挑|买)(有)?(啥|什么|哪)|靠谱(吗|么)[？?]*$|靠不靠谱[？?]*$|"
                     + _ERRAND.pattern + "|"
                     r"\brecommend|which [\w\- ]{0,30}?\bbrands? (lasts?|is (the )?(best|better|most)|works? best|should|to (buy|choose|pick))|(best|better|cheapest|most reliable) (brand|model|one to buy)|should I\b|\bhow (do|can|should) (I|we)\b", re.IGNORECASE)
# 推荐几家 / 几家…推荐: "recommend a few", not a count asked.
_RECOMMEND_SOME = re.compile(r"推荐(一下|下)?(几|一)(个|家|款|条|所|种)|(几|一)(个|家|款|条|所|种)[^？?，,]{0,12}推荐")
# 电话 as how someone asks (市民打电话问…, 来电咨询) is no contact asked; 打哪个电话 asks one
_CONTACT = re.compile(r"(?:打|拨)(?:哪个|哪一个|什么|啥|几号)(?:号码|电话)|"
                      # (电话13800000000, 联系方式：021-… in a signature state one: none is asked)
                      r"(?:(?<![打来致])电话(?![里中上]?(问|咨询|询问|反映|投诉|说|打))|邮箱|网址|网站|联系方式|热线)(?!\s*[:：]?\s*[\d(（+])|"
                      r"二维码|phone|e-?mail|website|hotline", re.IGNORECASE)
# (分散在几个地方, 散在几条里 say where a topic lies, not how many places; parts named after a list — A、B和C几块 —
# are read as 各 before this is matched: qa.text.without_parts_named)
_QUANTITY = re.compile(r"多少|有几|(?<![哪第那这好十列举说讲写给])(?<!散在)(?<!散见于)(?<!散落在)几(?![乎十百千万何])(?!(家|个|方|位)[\u4e00-\u9fff]{0,3}(一起|联合|共同|合作|携手))|多大|多高|多长|多重|比例|占比|百分之|几成|率是|率为|率有|率怎么样|"
                       # two figures compared (…和…，哪个多？ 谁高点): each figure is asked
                       rf"{COMPARED}(?:多|少|高|低|大)(?:一?[点些])?(?=[？?，,。！!]|$)|"
                       r"how many|how much|what (share|percentage|proportion|number|rate|index|score|figure)|"
                       r"what was .{0,60}(index|rate|score|share)", re.IGNORECASE)
# A unit as a question names it (经信委, 市场监管局, 海关, 药监, 部门): a word ending as a unit's name does.
_UNIT_WORD = r"[\u4e00-\u9fff]{1,6}?(?:委|局|办)|海关|药监|法院|检察院|公安|部门|单位"
# …a unit by its name, not as any 部门 or 单位.
_NAMED_UNIT = r"[\u4e00-\u9fff]{1,6}?(?:委|局)|(?:上海)?海关|药监|(?:市高|市)?法院|(?:市)?检察院|公安"
# A unit named to be confirmed among an item's units, or as its only one (人社局是不是也在里面？
# 是商务委一家负责吗？): who is responsible is asked (qa.routing lists the item's units).
UNIT_CONFIRMED = re.compile(r"(?:也|都)在(里面|里头|其中|名单|之列)|(一家|单独|独自|一个部门|一个单位)(负责|牵头|承担|来管|管)|"
                            r"(是不是|是否|有没有)也?(负责|牵头|参与)|"
                            # …not a figure confirmed (牵头制定了190项吗？ asks the count)
                            r"(负责|牵头|参与)(?![^，,。？?]{0,24}\d)[^，,。？?]{0,24}(吗|吧|(?<!什)么)\s*[？?]?$|"
                            # …or stated, then put to confirm (是市民政局和市卫健委牵头的，是这样吗？)
                            r"(负责|牵头|参与|主管)的?[，,]?\s*(?:对吗|是吗|对不对|是不是|没错吧|对吧|是真的吗|真的吗|是这样吗)\s*[？?]?$|"
                            # …or asked whether it is the one at work (是经信委在弄吗？ 海关和药监也管吗？), which
                            # of two it is (对接住建委还是水务局？ 是教委管还是人社管？), or whether the list
                            # writes it (后面写的是药监局吗？)
                            r"(?:" + _UNIT_WORD + r")(也|都)?(在|来)?(管|弄|做|搞|抓|负责|牵头|主导|对接)(的)?(吗|么|不|没|呢)|"
                            r"(?:" + _UNIT_WORD + r")(来|在)?(管|负责|牵头)?还是[^，,。？?]{1,8}?(?:" + _UNIT_WORD + r"|管|负责|牵头)|"
                            r"写的是[^，,。？?]{0,8}?(?:" + _UNIT_WORD + r")(吗|么|吧|呢|[？?]|$)|"
                            # …or looked for among them (责任单位里有没有市财政局？)
                            r"(?:单位|部门|名单)(?:里|中|当中|之中)(?:有没有|有|包括|包不包括|包含)(?:" + _UNIT_WORD + r")|"
                            # …or as the one it belongs to (归不归交通委管？ 是不是归生态环境局？ 是不是科委牵头的？)
                            r"(?:归不归|是不是归|是否归|是不是|是否)(?:" + _UNIT_WORD + r")(?:来|在)?(?:管|牵头|负责|主管|主导|的)|"
                            r"(?:是不是|是否)归(?:" + _UNIT_WORD + r")|"
                            # …or the units named as its doers, to confirm (是不是由交通委和住建委负责？)
                            r"(?:是不是|是否)(?:由|归)?[^，,。？?]{0,30}?(?:" + _UNIT_WORD + r")(?:来|去)?(?:负责|牵头|主管|承担|管)|"
                            r"(?:是|由)[^，,。？?]{1,30}?(?:" + _UNIT_WORD + r")(?:来|去)?(?:负责|牵头|主管|承担)(?:的)?(?:吗|吧|么)|"
                            # …or as on an item's list (有没有挂在…那条上？ 是不是列在里面？ 有公安吗？)
                            r"(?:有没有|是不是|是否|有无)(?:挂|列|写)在|"
                            r"(?:有|包括|包含)(?:" + _NAMED_UNIT + r")(?:(?:和|、|跟|与|及)(?:" + _NAMED_UNIT + r"))*(?:吗|么|没有|不)|"
                            # …or looked for on an item pointed at (这条有没有人民银行？ 那一项包不包括市委金融办？),
                            # or that item's units asked whole (这条都有谁？)
                            r"(?:这|那)一?(?:条|项)[^，,。？?]{0,4}?(?:有没有|有无|包不包括|包括不包括|含不含)(?:" + _UNIT_WORD + r"|人民银行|金融监管|海关)|"
                            r"(?:这|那)一?(?:条|项)[^，,。？?]{0,4}?都?有(?:谁|哪些单位|哪几家)")
# The words by which a question asks who is responsible, which the documents need not write
# (they list units in parentheses): typos are corrected toward them as toward the documents'
# own wording (由谁付责 → 由谁负责; qa.spelling).
# Kinds of units named as a group (公检法里是哪几家？): which of them is asked, an item's units.
UNIT_KINDS = r"(?:公检法|政法机关|司法机关|执法部门|政法部门)"

ASKING_TERMS = ("负责", "牵头", "责任单位", "责任部门", "主管部门", "哪些部门", "哪个部门")

# Who is responsible: a who-word with a responsibility word, or the name of the list itself.
# 负责/牵头 alone are not enough (牵头制定的国际标准 is a topic).
_AGENCY = re.compile(r"责任单位|责任部门|落实单位|实施单位|牵头单位|牵头部门|负责单位|负责部门|主管部门|分工|"
                     r"归口(?=[^，,。？?]{0,3}(哪|谁|什么|单位|部门))|"
                     r"(?<![奖军誉劳权额])(?<!最后)(?<!最终)(?<!花落)归谁(?![\u4e00-\u9fff])|(由谁|谁来?|谁去|谁在|归谁|归哪)(来|去)?(负责|牵头|落实|承担|实施|主管|(?<!监)管|抓|参与|配合|干|做|办|搞|推进|推动|统筹|协调|跟进|对接)|"
                     # (which of them run it, the units unnamed: 那块是哪几家在管？)
                     r"哪(几|些|两|三|四)?(家|个)(在|来|去)?(负责|牵头|主管|管|抓)(?![\u4e00-\u9fff]{0,2}(到|住|用|得|的))|"
                     r"哪(些|几|个|家|两|三|四)(个|家)?(市级|市里的?|区级|政府|相关|职能|主管)?(部门|单位|委办局|委办|机关|机构|局|委)(?![\u4e00-\u9fff]{0,2}(标准|文件|方案))|"
                     r"(负责|牵头|落实|承担|主管)(的|这)?.{0,4}(是|有)?(谁|哪些|哪几|哪个|哪家)"
                     # …not what is carried out (推进落实哪个规范？)
                     r"(?![\u4e00-\u9fff]?(规范|标准|文件|方案|制度|政策|项目|工程|措施|任务|行动|计划|平台|规定|办法|条例))|"
                     r"(部门|单位|委办局|机关|机构)(都|分别)?(有|是)(哪些|哪几|谁)|"
                     # units of a kind named before the asking (公检法里具体是哪几家？ 政法机关有哪些？)
                     + UNIT_KINDS + r"[^，,。？?]{0,6}(哪(几|些|个)家?|谁)|"
                     r"有没有份|也有份|有份吗|有没有参与|也参与了?吗|还有谁|"
                     # a unit named to confirm (人社局是不是也在里面？ 是商务委一家负责吗？): the item's units
                     + UNIT_CONFIRMED.pattern + "|"
                     r"(哪些|哪几家?|哪个|哪家|谁)(单位|部门)?(来|去)?(负责|牵头|落实|承担|主管|抓(?!手)|管)|"
                     # who carries a task out (…报告是谁来编制发布？ 由谁组织评审？): its units
                     r"(由谁|谁来)(组织|编制|制定|发布|开展|评审|审核|建设|牵头|实施|出台|起草|认定|遴选|组建|举办)|"
                     # …and more verbs of carrying a task out (谁来编？ 由谁评？ — not a purchase, 谁来买, nor
                     # whom the task invites: 邀请谁来参加？ 让谁来唱主角？)
                     r"(由谁|(?<![请让叫派找要])谁来)(编|评|审|查|督|考核|检查|把关|执行|修订|印发|指导|监督|监管|主导|认定|负|付(?=责))|"
                     # a unit named with a yes-or-no of its part (人社局管不管？ 海关负不负责？)
                     r"(局|委|办|法院|检察院|海关|部门|单位)(也)?(管不管|负不负责|参不参与)|"
                     # a unit of a kind (列了哪个绿化口的部门？): the item's units
                     r"哪(些|几|个|家)(个|家)?[\u4e00-\u9fff]{1,5}的(部门|单位|委办局|机关)(?![\u4e00-\u9fff]{0,2}(标准|文件|方案))|"
                     # …or of a field (涉及哪几个政法部门？ 哪些执法部门？): 部门 names no topic of the documents
                     r"哪(些|几|个|家)(个|家)?[\u4e00-\u9fff]{1,4}(部门|委办局|机关)(?![\u4e00-\u9fff]{0,2}(标准|文件|方案))|"
                     r"(谁|哪个部门|哪些部门|哪家单位)(来|去)?(弄|推|探索|做|干|办)[？?]?$|交给了?(谁|哪)|找哪(个|些|家)(部门|单位)|"
                     # whose task it falls to, with whom to deal (落到谁头上？ 该跟哪个部门对接？)
                     r"落(到|在)(谁|哪(个|些|家)(部门|单位))|哪(个|些|几个|家)(部门|单位|委办局|机构)(去|来)?(对接|联系|沟通|打交道)|"
                     # whom to turn to about a task (这些事该找谁？ 归哪个部门管？): its units
                     r"(该|得|应该|应|要|去|可以)?(找|问)谁(办|问|咨询|对接|负责)?(?=[？?吗呢啊]|$)|归(谁|哪个部门|哪些部门)管|"
                     r"(哪些|哪几个|哪个)(部门|单位)的(活|事|工作)|(是|归)谁的(活|事|工作|任务|职责)|"
                     r"who is responsible|who('s| is) in charge|responsible (units|departments|agencies|bodies)|"
                     r"which [\w ]{0,24}(agenc(y|ies)|departments?|units?|bod(y|ies)|authorit(y|ies)|bureaus?|offices?)\b|responsible for|"
                     r"who (does|do|handles?|leads?|runs?|takes? care of|will (do|handle|lead))\b|"
                     r"in charge of", re.IGNORECASE)
_MENTIONS = re.compile(r"(哪些|哪几个|什么)地方(?=.{0,8}(提|说|讲|写|出现|涉及|有))|(文件|通知|要点|总结|原文)(里|中)?(的)?(哪些|哪几个|什么)地方|"
                       r"哪几处|几处|(在)?(哪里|哪儿|哪)(提到|提及|说到|讲到|出现|写|说|讲)|(哪些|哪几)(条目|条款|条|项)(?=[^，。？?]{0,12}(提|说到|讲到|写到|涉及|出现))|(出现|提到|提及|写|列)在(哪|哪里|哪儿)|在哪些(条|部分)|"
                       r"(提到|提及|说到|讲到|出现|涉及|写|提)(了|过)?.{0,16}(的地方|几次|几回|几遍|几处|哪些条|哪几条)|"
                       # (a person 说了好几遍 said it several times: no question of where)
                       r"(讲|说)(了|过)?.{0,16}(的地方|(?<!好)几(?:次|回|遍|处)|哪些条|哪几条)|"
                       r"where (does|do|is|are) .{0,40}(mention|discuss|appear)", re.IGNORECASE)
# Which item a thing belongs to (是要点里哪一项的内容？ 属于哪一条？): where it is written, when
# nothing else is asked of it (属于哪条，谁来负责？ asks the item's units).
_WHICH_ITEM = re.compile(r"(?:属于|归于|归在|放在|列在)(?:要点|总结|文件|通知|第[一二]部分)?(?:里|中)?的?(?:哪一?|第几)(?:项|条|部分|块)|"
                         r"(?:是|为)(?:要点|总结|文件|通知|第[一二]部分)?(?:里|中)?的?(?:哪一?|第几)(?:项|条|部分)的?(?:内容|任务|工作)")
# The verbs of a request to list (都给我列一下, 帮我汇总): also taken out of a listing's topic words
# (qa.retrieval).
LIST_VERBS = "列|罗列|汇总|整理|梳理"
# Asking for everything about a topic, across sections.
_ALL = re.compile(r"都(在(?!哪)|提|写|讲|说)|(都|全|统统)(给我|帮我|替我)?(" + LIST_VERBS + r")|所有|全部|"
                  # what is scattered, all picked out (零零散散的，全给我汇总下; 有的都帮我拎出来)
                  r"(都|全|统统)(给我|帮我|替我)?(拎|挑|摘|找|拿)出来|零零散散|零散|"
                  r"(分散|散落|散见|散(?=在))(在|于)?[^，,。？?]{0,6}(几处|多处|好几处|各处|(几|多|好几)个(地方|部分|条目)|(几|多|好几)条)|"
                  r"(帮我|给我|替我)(" + LIST_VERBS + r")(?=[一下吧。！!，,？?]|$)|(提到|提及|涉及)的.{1,16}(有哪些|都有|有什么)|"
                  r"(跟|和|与).{1,16}(沾边|挂钩|相关|有关系)|捋一下|梳理一下|都翻翻|汇总一下|"
                  r"(提|说|讲|写)了几(回|次|处)|出现过|整个(说|讲|介绍|捋|梳理|汇总|概括)|前前后后|各(项|条|个方面)|有关的.{0,4}(都|有哪些|有什么)|相关的.{0,6}(都|有哪些|有什么|内容)|"
                  r"关于.{1,16}(的内容|有哪些|都有什么|写了什么|说了什么)|跟.{1,16}有关|与.{1,16}有关|分别(写|讲|说|提)|"
                  r"(总结|去年).{0,6}(和|与|跟|及).{0,6}(要点|今年).{0,6}(分别|各)|"
                  r"(文件|通知|要点|总结)(里|中|上)?(是)?(怎么|如何)(说|提|讲|写)的|"
                  # what the documents hold for a kind of asker (文件里对中小企业有什么扶持？)
                  r"(文件|通知|要点|总结)(里|中|上)?(面)?对[^，,。？?]{1,12}?(有|给了?|提供了?)(什么|哪些|啥)(扶持|支持|帮助|帮扶|政策|措施|举措|好处)|"
                  r"everything|all the", re.IGNORECASE)
# Work done and work planned asked together (做了什么…打算做什么); years are counted separately.
_DONE = re.compile(r"做了|干了|搞了|做过|干过|搞过|完成了|取得|成效|成绩|总结(里|中|上)|已经|[\u4e00-\u9fff][^\W\d_的么啥些种个]情况(?=[和与及，,。？?；;怎咋呢吗]|$|如何|是|好)|现状|现在(有|是|啥|什么|怎么?样|咋样|如何|的?情况)|"
                   # how a thing stands, at its clause's end (水务工程的质量怎么样，今年要怎么抓？)
                   r"(?<![要将会算])(?:怎么|咋|怎)样(?=[？?，,。；;]|$)|"
                   r"(?<![提到说讲写列])(?<=[\u4e00-\u9fff])了(多少|几|什么|哪些|啥)|"
                   r"目前(有|是|啥|什么|怎么?样|咋样|如何|的?情况)|did|done|achieved|so far", re.IGNORECASE)
_PLANNED = re.compile(r"打算|计划|接下来|下一步|还要|将要|准备|后续|往后|要点(里|中|上)|(今年|2024年?)[^，,。？?]{0,8}安排|"
                      r"(今年|2024年?)[^，,。？?]{0,6}(要|将)(怎么|如何|咋)?(做|干|搞|办|抓|推)|plan|will|next",
                      re.IGNORECASE)
# A ratio asked of two figures the question names (差几倍, 是…的几倍, 相差多少倍).
_RATIO_OF_TWO = re.compile(r"(差|相差|差了|差距)(有)?(多少|几)倍|是[^，,。？?]{1,24}的(多少|几)倍")
# What kind of a share is asked (提升什么产能的占比): the kind, not the figure.
_KIND_OF_SHARE = re.compile(r"(什么|哪种|哪类|啥)[\u4e00-\u9fff]{0,6}的(占比|比例|比重)")
# A unit that hosts or builds a thing (依托哪家单位建): its name, not the units responsible.
# The body that issued a document asked (《X》是哪个部门发的？ 谁出台的？): a name, not the units
# responsible for a task.
_ISSUER = re.compile(r"(哪个|哪些|哪家|哪一个)(部门|单位|机构|机关)?(印发|发布|出台|制定|下发|发)的|谁(印发|发布|出台|制定|下发|发)的")
_HOST = re.compile(r"(依托|依靠|承建|承办|建在|设在|挂牌|落户)[^，,。？?]{0,4}哪")
# Units asked as where a task is done (放在哪几家单位做？ 在哪些企业试点？): the sites, named in its
# sentence (在崇明区、宝钢和上海电力公司实施), not the units responsible for it.
_SITE = re.compile(r"在哪(些|几|个)家?(单位|企业|公司)")
# Asking what the items are, beside a count (几条…分别是什么).
_CONTENTS = re.compile(r"(分别|具体|各)(是|指|为)?(什么|哪些|啥|哪几)|是哪(些|几)(份|个|条|项|家)")
# Which things a quoted word marks (举办哪些“首届”的活动？): every sentence holding it is one.
_QUOTED_LIST = re.compile(r"哪(些|几)[^，。？?]{0,8}[“\"「『][^”\"」』]{1,12}[”\"」』]|"
                          r"[“\"「『][^”\"」』]{1,12}[”\"」』][^，。？?]{0,6}(有哪些|都有哪些|有哪几)")
# Asking what the documents contain on a topic (有哪些相关内容, 都有啥, 提到了什么): every section
# about it is gathered; a topic one section holds lists that section.
_CONTENTS_ASKED = re.compile(r"有哪些|都有(啥|什么|哪些)|哪些(内容|工作|措施|举措|地方|方面|说法|事)|"
                             r"有(什么|啥)[^，。？！,?!]{0,6}(内容|措施|举措|说法|工作|安排|动作|做法|活动)|"
                             r"(提到|提及|涉及|写|讲|说)了?(什么|啥|哪些)|提了(什么|啥|哪些)|(都|还)?(涉及|包括|包含)(了)?(哪些|什么|啥)|"
                             r"(相关|有关)的?(内容)?(都)?有?(提到|提及|说到|讲到|写到)|有(提到|提及|说到|讲到|写到)[^，。？！,?!]{1,16}(吗|没)|"
                             r"都(怎么|如何|咋)(提|说|讲|写)|"
                             r"怎么体现|(做|干|安排|部署)了(什么|啥|哪些)|(咋|怎么)(整|弄|搞)|(咋|怎么)样了|进展(如何|怎么样|咋样)")
# Asking for the overall line of a year's work (总体思路, 定位, 基调, 指导思想): in a work summary
# or plan it is what a part's opening paragraph states, before its numbered items. These words
# say what kind of passage answers, not what it is about.
OVERVIEW_ASKED = re.compile(r"总体思路|总体要求|总思路|整体思路|大思路|工作思路|(总的|大的?|整体的?)路子|"
                            r"(按|照|依|遵循)(哪|什么|啥)[^，,。？?]{0,4}精神|(大|总|总体|整体)方向|(总体|整体)(部署|安排|打算)|指导思想|指导方针|基本方针|主线|(总的|整体)?(基调|定调)|(总体|整体)上?(干|做|搞|弄)?得?(怎么样|咋样|怎样|如何|情况|成效|效果)|(总体|整体)上?(是)?(怎么|如何|咋)(评价|概括|总结|看)|(总体|整体)评价|总体定位|怎么定位|啥定位|什么定位|定位是|定位(成|为)了?[^，,。？?]{0,6}(啥|什么)|(摆|放)在了?(什么|啥|怎样的?|哪个)(位置|地位|高度)|"
                            # …the documents' work as a whole, nothing narrower named (去年质量工作搞得咋样？
                            # 质量这块今年有啥新动作？)
                            r"(?:^|(?<=[，,。？?！!：:]))(?:去年|今年|20\d{2}年)?(?:的|上海|上海市|全市|本市)?(?:质量工作|质量)(?:这块|方面|这方面|工作)?"
                            r"(?:去年|今年|20\d{2}年)?(?:整体|总体)?(?:(?:搞|干|做|弄|开展)得?(?:怎么样|咋样|如何|怎样)|有(?:啥|什么|哪些)新?(?:动作|打算|安排|举措|变化))|"
                            r"开头(那段|那部分|部分|一段|段落|怎么|讲|说|写)|开篇|(?:(?<=总结)|(?<=要点)|(?<=第一部分)|(?<=第二部分))的?(开头|引言|导语|前言|总述)|"
                            r"overall (approach|direction|positioning)|guiding (idea|thought|principle)|"
                            r"\b(intro|introduction|opening( paragraph| part| section)?|preamble) (to|of) the\b", re.IGNORECASE)
# A group the question counts (召回70起，涉及哪些品牌？): its members are asked, not every passage
# on the topic.
_COUNTED_GROUP = re.compile(COUNTED + r"(?=[^？?，,]{0,20}(哪些|哪几|哪[一二两三四五六七八九十\d]))")
# What a question asks of a topic, naming none (成绩和安排, 2024年的工作, 进展): alone, such a word
# is no subject and no term.
REQUEST_NOUNS = frozenset("安排 措施 举措 成绩 成果 情况 打算 计划 部署 进展 内容 动作 数据 重点 亮点 工作".split())
# Words that name the documents' work as a whole, not a topic in it (2024年质量工作的基调).
GENERIC_WORDS = frozenset("质量 工作 质量工作 上海 上海市 全市 本市 文件 通知 要点 总结 工作要点 工作总结 今年 去年 年度 "
                          "总体 整体 部分 第一部分 第二部分 第一 第二 开头 内容 这件 这摊 事 讲 说 写".split())
# Words for the whole of what is named (整个, 所有): they name no topic, and one the documents
# never write is not a topic they lack (农产品追溯整个说一下 — used by qa.engine).
WHOLE_WORDS = frozenset({"整个", "全部", "所有", "一切", "各个", "每个", "统统", "全都"})
# Two narrower sets beside it, each for one check. Words for the documents' whole place and span
# tell no figure from another (全市, 全年) — a place's name does (上海市“质量标杆” against 全国), so
# 上海 is not among them (used by ``qa.claims.rank_figures``).
SPAN_WORDS = frozenset({"全市", "本市", "全年"})
# The documents' own place and field cover nothing a question asks beside a topic of its own
# (上海今年空气质量怎么样？ — 空气质量 is the topic; used by ``qa.verify.subject_match``).
HOME_FIELD_WORDS = frozenset({"上海", "上海市", "全市", "本市", "质量", "质量工作", "工作"})


def overview_topic(question: str) -> list[str]:
    """The content words of ``question`` beside those asking for the overall line
    (:data:`OVERVIEW_ASKED`) and those naming the documents' work as a whole: the topic an
    overview is asked of, empty when it asks of the year's work itself.

    >>> overview_topic("2024年质量工作的基调是什么？"), overview_topic("质量强国建设去年怎么定位的？")
    ([], ['强国', '建设'])
    """
    from .text import content_words, tagged_words

    # (how the answer is to be put — 一句话概括下 — is no topic)
    rest = _ANSWER_FORM.sub(" ", OVERVIEW_ASKED.sub(" ", normalize_query(question)))
    # (an adverb — 到底, 究竟 — says how it is asked, not of what)
    adverbs = {w for w, tag in tagged_words(rest) if tag == "d"}
    return [w for w in content_words(rest) if w not in GENERIC_WORDS and w not in _COMPARING_WORDS and w not in adverbs]


# How an answer is to be put (一句话概括下, 简单说说): a request on its form, not a topic.
_ANSWER_FORM = re.compile(r"(用|拿)?一句话(概括|总结|说|讲)?(一下|下)?|(简单|简要|大概)?(概括|总结)(一下|下)|简单(说|讲)(说|讲|一下|下)?")
# Words asking how two things differ (指导思想和总体思路有什么区别): no topic of their own.
_COMPARING_WORDS = frozenset("区别 不同 差别 差异 变化 对比 比较 异同 相比 一样 有何不同".split())


# A share asked for (of an amount the question names as context: 营收里…占几成).
_SHARE_ASKED = re.compile(r"占(了)?(几成|多少|多大|百分之几|比)|几成|比例(是)?多少|比重|what share|what percentage|"
                          r"what proportion", re.IGNORECASE)
# A share of a whole asked with no word for it (占全国多少？ 占了全市多少): a rate, not a count —
# unless a measure word follows (占全国多少家) or what is taken is ground (占地多少亩).
SHARE_OF_WHOLE = r"占(?![地用有领据])[\u4e00-\u9fff]{0,8}?(?:多少|百分之几)(?![\u4e00-\u9fff])"
_RATE = re.compile(r"率|比例|占比|百分|几成|" + SHARE_OF_WHOLE + r"|share|percentage|proportion|rate", re.IGNORECASE)
# 好几个 (several) and 十几个 (a dozen or so) say how many, they do not ask it
COUNT_ASKED = re.compile(r"(?:多少|(?<![好十])几)(台套|批次|家次|人次|亿元|万元|万人|万家|万亩|万吨|个百分点|个点|个人(?![\u4e00-\u9fff])|百分点|家|人|件|起|个|项|名|次|份|例|台|批|元|户|所|条|星|"
                   r"亩|公顷|吨|公里|平方米|辆|张|间|套|本|艘|架|"
                   r"种|类|座|处|年|天|月|位|届|期|款|部|篇|场|轮|支|级|分|倍|回|趟|遍)")
# A compound measure word named as what is asked (检查单位的家次是多少？): the figure's unit.
_MEASURE_NAMED = re.compile(r"(台套|批次|家次|人次)(?:数)?(?:是|为|有|达到?)?(?:多少|几)")
# Colloquial measure words and the documents' own (几回 counts what 4次 counts; 高出几个点 asks
# percentage points; 几个人 counts people, 132人).
_UNIT_SPOKEN = {"回": "次", "趟": "次", "遍": "次", "个点": "个百分点", "百分点": "个百分点", "个人": "人"}


# This year named by itself — not as the end of an edition's span (2023—2024年度 names an edition).
_THIS_YEAR_ALONE = re.compile(r"今年|本年度|(?<![—–\-~至到])2024(?!\s*[—–\-~至到])")


# A count asked as a target to reach (要达到几家, 目标是多少).
_TARGET_ASKED = re.compile(r"(要|将|计划|打算|准备|争取)(达到|建成|新建|新增|培育|完成|实现)|目标")


def _count_then_plan(text: str) -> bool:
    """True when one sub-question asks a count with no time of its own and another asks what
    this year holds (申报的有多少家？今年要走到哪一步？): the count is the summary's, the plan the
    要点's — both years are asked.

    >>> _count_then_plan("质量奖申报的有多少家？今年要走到哪一步？"), _count_then_plan("今年要建几家？有啥要求？")
    (True, False)
    >>> _count_then_plan("2023—2024年度那一届有多少家申报？今年评完还有什么安排？")
    True
    >>> _count_then_plan("今年新型标准化组织怎么安排？要达到几家？")
    False
    """
    # sub-questions (at question marks: clauses joined by commas share their time — 今年落户哪个区，
    # 投资多少？ asks this year's investment)
    parts = [p for p in re.split(r"[？?]", text) if p.strip()]
    # (2023—2024年度…评分细则是什么？ names an edition: no plan of this year)
    planned = any(_THIS_YEAR_ALONE.search(p) and not re.search(r"多少|几", p) for p in parts)
    # a count of things (几家, 多少个) — not an ordinal (第几届) or a span of time (几年)
    # (…a target asked — 要达到几家？ — is the plan's count, not the summary's)
    counted = any(re.search(r"多少(?!年|天|届)|(?<!第)几(?:个|家|项|件|起|名|人|批|种|类|所|条|户|台)", p)
                  and not _THIS_YEAR_ALONE.search(p) and not _TARGET_ASKED.search(p) for p in parts)
    return len(parts) >= 2 and planned and counted


# The attributes asking a figure: a quantity or an amount of money (Intent.wants_figure).
FIGURE_ATTRIBUTES = frozenset({Attribute.QUANTITY, Attribute.MONEY})


@dataclass(frozen=True)
class Intent:
    """What a question asks. ``unit`` is the measure word of a count (``家`` in 几家), ``元``
    for money and ``%`` for a rate when none is named; ``attributes`` lists every attribute cue
    found (a question may ask two things); ``standing`` is true for a vague question asking how
    a topic stands (召回那块咋样？), whose answer is what the documents say of it in their own words."""

    attribute: Attribute
    scope: Scope
    unit: str | None = None
    attributes: tuple[Attribute, ...] = field(default=())
    standing: bool = False

    @property
    def wants_figure(self) -> bool:
        """True when an answer must state a figure (a quantity or an amount of money)."""
        return self.attribute in FIGURE_ATTRIBUTES


def asks_done_or_planned(clause: str) -> bool:
    """Whether ``clause`` asks what was done or how it stands (去年战果咋样, 做了啥, 推进情况如何) or
    what is planned (今年还有啥打算, 今年要怎么抓) — the open question of a work report's year.

    >>> asks_done_or_planned("去年战果咋样"), asks_done_or_planned("今年要怎么抓"), asks_done_or_planned("今年要编发的年度报告叫啥")
    (True, True, False)
    """
    text = normalize_query(clause)
    return bool(_DONE.search(text) or _PLANNED.search(text))


def _done_and_planned(text: str) -> bool:
    """Whether ``text`` asks both what was done and what is planned, in clauses of their own
    (做了什么？今年打算…; 建设情况和下一步计划): 今年为这个工程安排了多少经费 asks one thing."""
    clauses = [c for c in re.split(r"[，,。？?；;！!、]|和|与|以及", text) if c]
    done = {i for i, c in enumerate(clauses) if _DONE.search(c)}
    planned = {i for i, c in enumerate(clauses) if _PLANNED.search(c)}
    return any(i != j for i in done for j in planned)


def read_intent(question: str, years: set[int] | frozenset[int] = frozenset()) -> Intent:
    """The :class:`Intent` of ``question``; ``years`` are the years it asks about (two or more
    make it a comparison).

    >>> read_intent("去年全市一共部署了多少批次抽查？").attribute, read_intent("去年全市一共部署了多少批次抽查？").unit
    (<Attribute.QUANTITY: 'quantity'>, '批次')
    >>> read_intent("孵化工作机制什么时候建成？").attribute
    <Attribute.DATE: 'date'>
    >>> read_intent("质量考核得了什么等级？").attribute
    <Attribute.GRADE: 'grade'>
    >>> read_intent("农产品追溯在通知里哪些地方提到了？").scope
    <Scope.ALL: 'all'>
    >>> read_intent("燃气安全这块，文件里是怎么说的？").scope
    <Scope.ALL: 'all'>
    >>> read_intent("医疗器械有哪些相关内容？").scope, read_intent("医疗器械抽查了多少批次？").scope
    (<Scope.ALL: 'all'>, <Scope.SINGLE: 'single'>)
    >>> read_intent("首席质量官去年培养了多少人？今年有什么新做法？", {2023, 2024}).scope
    <Scope.COMPARE: 'compare'>
    >>> read_intent("首席质量官的情况，总结和要点对比一下", {2023, 2024}).scope
    <Scope.COMPARE: 'compare'>
    >>> read_intent("绿色认证这块，总结和要点里分别都说了啥？", {2023, 2024}).scope
    <Scope.ALL: 'all'>
    """
    # (a figure the asker states before asking — 营收325.64亿元，其中多少家…？ — is not asked)
    plain = without_parts_named(normalize_query(question))
    # (…and when all asked after it is an ellipsis — 合格率96.9％，那水运工程的呢？ — its kind is)
    text = stated_figure_asked(plain) or without_stated_figures(plain)
    found = []
    for attribute, pattern in ((Attribute.MENTIONS, _MENTIONS), (Attribute.PERSON, _PERSON),
                               (Attribute.AGENCY, _AGENCY), (Attribute.MONEY, _MONEY),
                               (Attribute.PROCEDURE, _PROCEDURE), (Attribute.CONTACT, _CONTACT),
                               (Attribute.DATE, _DATE), (Attribute.PLACE, _PLACE),
                               (Attribute.REASON, _REASON), (Attribute.GRADE, _GRADE),
                               (Attribute.QUANTITY, _QUANTITY),
                               # a count asked beside a list of names (评上了几家？获奖名单呢？) is checked first
                               (Attribute.ORGANISATION, _ORGANISATION),
                               (Attribute.ADVICE, _ADVICE)):
        if pattern.search(text):
            found.append(attribute)
    if (not found or found == [Attribute.PLACE]) and _WHICH_ITEM.search(text):
        found = [Attribute.MENTIONS]           # (放在哪一项底下: which item, not a place)
    if not found and figure_put_to_confirm(text):
        found.append(Attribute.QUANTITY)       # 认证率到31.8%了？ — the figure is asked, to be checked
    attribute = found[0] if found else Attribute.OPEN
    if _ERRAND.search(text):
        attribute = Attribute.ADVICE           # 服务投诉找谁: the asker's errand, not a responsible unit
    if attribute == Attribute.QUANTITY and _KIND_OF_SHARE.search(text):
        attribute = Attribute.OPEN             # 提升什么产能的占比: which capacity, not its share
    if attribute == Attribute.PLACE and _EXTENT.search(text) and not _PLACE.search(_EXTENT.sub("", text)):
        attribute = Attribute.OPEN             # 把IDI保险延伸到哪里: how far (a stage, a scope), not a location
    if attribute == Attribute.AGENCY and _SITE.search(text) and not _HOST.search(text):
        attribute = Attribute.PLACE            # 放在哪几家单位做: where, not who is responsible
    if attribute == Attribute.AGENCY and (_HOST.search(text) or _ISSUER.search(text)):
        attribute = Attribute.ORGANISATION     # 依托哪家单位建: the host's name; 《X》是哪个部门发的: X's issuer
    if attribute == Attribute.QUANTITY and _CONTENTS.search(text):
        attribute = Attribute.OPEN             # 几条依据…分别是什么: the items are asked, not their count
    if attribute == Attribute.QUANTITY and Attribute.ADVICE in found and _RECOMMEND_SOME.search(text):
        attribute = Attribute.ADVICE           # 推荐几家本帮菜馆: a few are asked for, not a count
    if attribute == Attribute.AGENCY and Attribute.MONEY in found:
        attribute = Attribute.MONEY            # 负责…的资金有多少: the money is asked
    if attribute == Attribute.MONEY and _SHARE_ASKED.search(text):
        attribute = Attribute.QUANTITY         # 营收里外资占几成: a share of the money is asked
    # (几个数 of 写材料要几个数：A、B counts the figures asked, not what they count)
    unit_match = COUNT_ASKED.search(_FIGURES_COUNTED.sub("", text)) or _MEASURE_NAMED.search(text)
    unit = _UNIT_SPOKEN.get(unit_match.group(1), unit_match.group(1)) if unit_match else None
    if unit == "倍" and _RATIO_OF_TWO.search(text):
        unit = None            # A和B差几倍, A是B的几倍: the ratio of two figures, each in its own unit
    if unit is None and attribute == Attribute.MONEY:
        unit = "元"
    elif unit is None and attribute == Attribute.QUANTITY and _RATE.search(text):
        unit = "%"
    if attribute == Attribute.MENTIONS or (_ALL.search(text) and not _COUNTED_GROUP.search(text)):
        scope = Scope.ALL          # everything about it, in both years when both are asked
    elif len(years) >= 2 or _done_and_planned(text) or _count_then_plan(text):
        scope = Scope.COMPARE
    elif attribute == Attribute.OPEN and (_CONTENTS_ASKED.search(text) or _QUOTED_LIST.search(text)) and \
            not _COUNTED_GROUP.search(text) and not ITEM_POINTER.search(text):
        scope = Scope.ALL
    else:
        scope = Scope.SINGLE
    return Intent(attribute, scope, unit, tuple(found))

