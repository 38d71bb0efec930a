/**
 * Demo catalog for `marquee seed demo`.
 *
 * Pure data. Titles, credits and people are real and limited to facts we are
 * sure of (unknown characters or credits are left out rather than guessed).
 * Synopses, users, reviews and votes are original text written for the demo.
 *
 * Note: the two "Love in the Big City" entries share a name (2024 series and
 * 2024 film). Reviews and votes refer to titles by name, so only the series
 * carries demo reviews; the film is there to show same-name disambiguation in
 * the catalog itself.
 */

export interface DemoCredit { person: string; role: 'director' | 'writer' | 'cast'; character?: string }
export interface DemoPerson { name: string; original_name?: string }
export interface DemoTitle {
  name: string; original_name?: string; aliases?: string[]; kind: 'series' | 'film'; year: number;
  country: string; episodes?: number; synopsis: string; credits: DemoCredit[];
}
export interface DemoUser { handle: string; display_name: string }
export interface DemoReview {
  title: string;      // the DemoTitle name
  author: string;     // a DemoUser handle
  headline: string; body: string; // body: 2-5 paragraphs separated by blank lines, 400-1500 chars, original text
  rating: number;     // 1..10 in 0.5 steps
  scores?: { story?: number; acting?: number; music?: number; rewatch?: number };
  watch_status: 'completed' | 'watching' | 'dropped' | 'plan_to_watch';
  episodes_seen?: number; // <= title episodes
  contains_spoilers: boolean;
  days_ago: number;   // age of the review, for created_at
}
export interface DemoVote { review: { title: string; author: string }; voter: string; helpful: boolean }

export const DEMO_PEOPLE: DemoPerson[] = [
  // Love in the Big City (series)
  { name: 'Park Sang-young', original_name: '박상영' },
  { name: 'Hur Jin-ho', original_name: '허진호' },
  { name: 'Hong Ji-young', original_name: '홍지영' },
  { name: 'Son Tae-gyum', original_name: '손태겸' },
  { name: 'Kim Se-in', original_name: '김세인' },
  { name: 'Nam Yoon-su', original_name: '남윤수' },
  { name: 'Lee Soo-kyung', original_name: '이수경' },
  { name: 'Jin Ho-eun', original_name: '진호은' },
  { name: 'Oh Hyun-kyung', original_name: '오현경' },
  { name: 'Kwon Hyuk', original_name: '권혁' },
  { name: 'Na Hyun-woo', original_name: '나현우' },
  { name: 'Kim Won-joong', original_name: '김원중' },
  // Where Your Eyes Linger
  { name: 'Hwang Da-seul', original_name: '황다슬' },
  { name: 'Han Gi-chan', original_name: '한기찬' },
  { name: 'Jang Eui-soo', original_name: '장의수' },
  // Love in the Big City (film)
  { name: 'E.oni', original_name: '이언희' },
  { name: 'Kim Go-eun', original_name: '김고은' },
  { name: 'Noh Sang-hyun', original_name: '노상현' },
  // Parasite / Memories of Murder
  { name: 'Bong Joon-ho', original_name: '봉준호' },
  { name: 'Han Jin-won', original_name: '한진원' },
  { name: 'Shim Sung-bo', original_name: '심성보' },
  { name: 'Song Kang-ho', original_name: '송강호' },
  { name: 'Lee Sun-kyun', original_name: '이선균' },
  { name: 'Cho Yeo-jeong', original_name: '조여정' },
  { name: 'Choi Woo-shik', original_name: '최우식' },
  { name: 'Park So-dam', original_name: '박소담' },
  { name: 'Jang Hye-jin', original_name: '장혜진' },
  { name: 'Kim Sang-kyung', original_name: '김상경' },
  { name: 'Park Hae-il', original_name: '박해일' },
  // Reply 1988 / Hospital Playlist
  { name: 'Shin Won-ho', original_name: '신원호' },
  { name: 'Lee Woo-jung', original_name: '이우정' },
  { name: 'Lee Hye-ri', original_name: '이혜리' },
  { name: 'Ryu Jun-yeol', original_name: '류준열' },
  { name: 'Park Bo-gum', original_name: '박보검' },
  { name: 'Go Kyung-pyo', original_name: '고경표' },
  { name: 'Lee Dong-hwi', original_name: '이동휘' },
  { name: 'Jo Jung-suk', original_name: '조정석' },
  { name: 'Yoo Yeon-seok', original_name: '유연석' },
  { name: 'Jung Kyung-ho', original_name: '정경호' },
  { name: 'Kim Dae-myung', original_name: '김대명' },
  { name: 'Jeon Mi-do', original_name: '전미도' },
  // My Mister / When Life Gives You Tangerines
  { name: 'Kim Won-seok', original_name: '김원석' },
  { name: 'Park Hae-young', original_name: '박해영' },
  { name: 'Lim Sang-choon', original_name: '임상춘' },
  { name: 'IU', original_name: '아이유' },
  { name: 'Park Ho-san', original_name: '박호산' },
  { name: 'Song Sae-byeok', original_name: '송새벽' },
  { name: 'Moon So-ri', original_name: '문소리' },
  { name: 'Park Hae-joon', original_name: '박해준' },
  // Squid Game
  { name: 'Hwang Dong-hyuk', original_name: '황동혁' },
  { name: 'Lee Jung-jae', original_name: '이정재' },
  { name: 'Park Hae-soo', original_name: '박해수' },
  { name: 'Jung Ho-yeon', original_name: '정호연' },
  { name: 'O Yeong-su', original_name: '오영수' },
  { name: 'Wi Ha-joon', original_name: '위하준' },
  // Past Lives
  { name: 'Celine Song' },
  { name: 'Greta Lee' },
  { name: 'Teo Yoo', original_name: '유태오' },
  { name: 'John Magaro' },
  // Decision to Leave
  { name: 'Park Chan-wook', original_name: '박찬욱' },
  { name: 'Chung Seo-kyung', original_name: '정서경' },
  { name: 'Tang Wei', original_name: '汤唯' },
  { name: 'Lee Jung-hyun', original_name: '이정현' },
  // Twenty-Five Twenty-One
  { name: 'Jung Ji-hyun', original_name: '정지현' },
  { name: 'Kwon Do-eun', original_name: '권도은' },
  { name: 'Kim Tae-ri', original_name: '김태리' },
  { name: 'Nam Joo-hyuk', original_name: '남주혁' },
  { name: 'Bona', original_name: '보나' },
  { name: 'Choi Hyun-wook', original_name: '최현욱' },
  { name: 'Lee Joo-myung', original_name: '이주명' },
  // Drive My Car
  { name: 'Ryusuke Hamaguchi', original_name: '濱口竜介' },
  { name: 'Takamasa Oe', original_name: '大江崇允' },
  { name: 'Hidetoshi Nishijima', original_name: '西島秀俊' },
  { name: 'Toko Miura', original_name: '三浦透子' },
  { name: 'Reika Kirishima', original_name: '霧島れいか' },
  { name: 'Masaki Okada', original_name: '岡田将生' },
  // Normal People
  { name: 'Lenny Abrahamson' },
  { name: 'Hettie Macdonald' },
  { name: 'Sally Rooney' },
  { name: 'Alice Birch' },
  { name: "Mark O'Rowe" },
  { name: 'Daisy Edgar-Jones' },
  { name: 'Paul Mescal' },
];

export const DEMO_TITLES: DemoTitle[] = [
  {
    name: 'Love in the Big City', original_name: '대도시의 사랑법', kind: 'series', year: 2024, country: 'KR', episodes: 8,
    synopsis: 'Go Young, a gay writer in Seoul, looks back on a decade of friendship, family friction and love affairs, from his college days with his best friend and roommate Mi-ae to the relationships that shaped him. Four directors each take one two-episode chapter of his life.',
    credits: [
      { person: 'Son Tae-gyum', role: 'director' },
      { person: 'Hur Jin-ho', role: 'director' },
      { person: 'Hong Ji-young', role: 'director' },
      { person: 'Kim Se-in', role: 'director' },
      { person: 'Park Sang-young', role: 'writer' },
      { person: 'Nam Yoon-su', role: 'cast', character: 'Go Young' },
      { person: 'Lee Soo-kyung', role: 'cast', character: 'Mi-ae' },
      { person: 'Jin Ho-eun', role: 'cast', character: 'Gyu-ho' },
      { person: 'Oh Hyun-kyung', role: 'cast', character: 'Eun-sook' },
      { person: 'Kwon Hyuk', role: 'cast', character: 'Nam-gyu' },
      { person: 'Na Hyun-woo', role: 'cast', character: 'Young-soo' },
      { person: 'Kim Won-joong', role: 'cast', character: 'Habibi' },
    ],
  },
  {
    name: 'Where Your Eyes Linger', original_name: '너의 시선이 머무는 곳에', kind: 'series', year: 2020, country: 'KR', episodes: 8,
    synopsis: 'Han Tae-joo, heir to a powerful conglomerate, and Kang Gook, the classmate who has served as his bodyguard for fifteen years, share a house, a school and a bond neither of them can name. A new girl with an eye for Gook forces them to face what they feel.',
    credits: [
      { person: 'Hwang Da-seul', role: 'director' },
      { person: 'Han Gi-chan', role: 'cast', character: 'Han Tae-joo' },
      { person: 'Jang Eui-soo', role: 'cast', character: 'Kang Gook' },
    ],
  },
  {
    name: 'Love in the Big City', original_name: '대도시의 사랑법', kind: 'film', year: 2024, country: 'KR',
    synopsis: 'Free-spirited Jae-hee and reserved Heung-soo, who is hiding who he is from the world, become unlikely friends at university and then roommates. Over the years that follow they get each other through bad dates, hangovers and growing up in Seoul.',
    credits: [
      { person: 'E.oni', role: 'director' },
      { person: 'Kim Go-eun', role: 'cast', character: 'Jae-hee' },
      { person: 'Noh Sang-hyun', role: 'cast', character: 'Heung-soo' },
    ],
  },
  {
    name: 'Parasite', original_name: '기생충', kind: 'film', year: 2019, country: 'KR',
    synopsis: 'The jobless Kim family, living in a cramped semi-basement apartment, find a way into the household of the wealthy Parks one hire at a time. Their scheme works almost too well.',
    credits: [
      { person: 'Bong Joon-ho', role: 'director' },
      { person: 'Bong Joon-ho', role: 'writer' },
      { person: 'Han Jin-won', role: 'writer' },
      { person: 'Song Kang-ho', role: 'cast', character: 'Kim Ki-taek' },
      { person: 'Lee Sun-kyun', role: 'cast', character: 'Park Dong-ik' },
      { person: 'Cho Yeo-jeong', role: 'cast', character: 'Yeon-gyo' },
      { person: 'Choi Woo-shik', role: 'cast', character: 'Kim Ki-woo' },
      { person: 'Park So-dam', role: 'cast', character: 'Kim Ki-jung' },
      { person: 'Jang Hye-jin', role: 'cast', character: 'Chung-sook' },
    ],
  },
  {
    name: 'Reply 1988', original_name: '응답하라 1988', aliases: ['Answer Me 1988'], kind: 'series', year: 2015, country: 'KR', episodes: 20,
    synopsis: 'Five families share one alley in Seoul\'s Ssangmun-dong in 1988, and their teenage children grow up in and out of each other\'s houses. A warm, unhurried portrait of friendship, family and first love.',
    credits: [
      { person: 'Shin Won-ho', role: 'director' },
      { person: 'Lee Woo-jung', role: 'writer' },
      { person: 'Lee Hye-ri', role: 'cast', character: 'Sung Deok-sun' },
      { person: 'Ryu Jun-yeol', role: 'cast', character: 'Kim Jung-hwan' },
      { person: 'Park Bo-gum', role: 'cast', character: 'Choi Taek' },
      { person: 'Go Kyung-pyo', role: 'cast', character: 'Sung Sun-woo' },
      { person: 'Lee Dong-hwi', role: 'cast', character: 'Ryu Dong-ryong' },
    ],
  },
  {
    name: 'My Mister', original_name: '나의 아저씨', aliases: ['My Ajusshi'], kind: 'series', year: 2018, country: 'KR', episodes: 16,
    synopsis: 'Park Dong-hoon, a tired structural engineer carrying his family on his back, crosses paths with Lee Ji-an, a young temp worker buried in debt and hardship. Two worn-out people slowly learn to see each other.',
    credits: [
      { person: 'Kim Won-seok', role: 'director' },
      { person: 'Park Hae-young', role: 'writer' },
      { person: 'Lee Sun-kyun', role: 'cast', character: 'Park Dong-hoon' },
      { person: 'IU', role: 'cast', character: 'Lee Ji-an' },
      { person: 'Park Ho-san', role: 'cast', character: 'Park Sang-hoon' },
      { person: 'Song Sae-byeok', role: 'cast', character: 'Park Ki-hoon' },
    ],
  },
  {
    name: 'Squid Game', original_name: '오징어 게임', kind: 'series', year: 2021, country: 'KR', episodes: 9,
    synopsis: 'Hundreds of people drowning in debt accept an invitation to play a series of children\'s games for an enormous cash prize. They soon learn what losing costs.',
    credits: [
      { person: 'Hwang Dong-hyuk', role: 'director' },
      { person: 'Hwang Dong-hyuk', role: 'writer' },
      { person: 'Lee Jung-jae', role: 'cast', character: 'Seong Gi-hun' },
      { person: 'Park Hae-soo', role: 'cast', character: 'Cho Sang-woo' },
      { person: 'Jung Ho-yeon', role: 'cast', character: 'Kang Sae-byeok' },
      { person: 'O Yeong-su', role: 'cast', character: 'Oh Il-nam' },
      { person: 'Wi Ha-joon', role: 'cast', character: 'Hwang Jun-ho' },
    ],
  },
  {
    name: 'Memories of Murder', original_name: '살인의 추억', kind: 'film', year: 2003, country: 'KR',
    synopsis: 'In a rural town in 1986, a local detective who trusts his instincts and a methodical transfer from Seoul hunt for a serial killer. Inspired by a real, long-unsolved case.',
    credits: [
      { person: 'Bong Joon-ho', role: 'director' },
      { person: 'Bong Joon-ho', role: 'writer' },
      { person: 'Shim Sung-bo', role: 'writer' },
      { person: 'Song Kang-ho', role: 'cast', character: 'Park Doo-man' },
      { person: 'Kim Sang-kyung', role: 'cast', character: 'Seo Tae-yoon' },
      { person: 'Park Hae-il', role: 'cast', character: 'Park Hyeon-gyu' },
    ],
  },
  {
    name: 'Past Lives', kind: 'film', year: 2023, country: 'US',
    synopsis: 'Two childhood friends in Seoul are separated when one family emigrates. Decades later, now living on opposite sides of the world, they meet again in New York for a few days.',
    credits: [
      { person: 'Celine Song', role: 'director' },
      { person: 'Celine Song', role: 'writer' },
      { person: 'Greta Lee', role: 'cast', character: 'Nora' },
      { person: 'Teo Yoo', role: 'cast', character: 'Hae Sung' },
      { person: 'John Magaro', role: 'cast', character: 'Arthur' },
    ],
  },
  {
    name: 'Decision to Leave', original_name: '헤어질 결심', kind: 'film', year: 2022, country: 'KR',
    synopsis: 'An insomniac detective investigating a fatal fall from a mountain becomes fascinated by the dead man\'s composed, enigmatic widow. The closer he watches her, the less sure he is of anything.',
    credits: [
      { person: 'Park Chan-wook', role: 'director' },
      { person: 'Park Chan-wook', role: 'writer' },
      { person: 'Chung Seo-kyung', role: 'writer' },
      { person: 'Tang Wei', role: 'cast', character: 'Song Seo-rae' },
      { person: 'Park Hae-il', role: 'cast', character: 'Jang Hae-jun' },
      { person: 'Lee Jung-hyun', role: 'cast', character: 'Jung-an' },
    ],
  },
  {
    name: 'When Life Gives You Tangerines', original_name: '폭싹 속았수다', kind: 'series', year: 2025, country: 'KR', episodes: 16,
    synopsis: 'On Jeju Island, headstrong Ae-sun, who dreams of becoming a poet, and quietly devoted Gwan-sik build a life together across the decades. A family saga told season by season.',
    credits: [
      { person: 'Kim Won-seok', role: 'director' },
      { person: 'Lim Sang-choon', role: 'writer' },
      { person: 'IU', role: 'cast', character: 'Oh Ae-sun / Yang Geum-myeong' },
      { person: 'Park Bo-gum', role: 'cast', character: 'Yang Gwan-sik' },
      { person: 'Moon So-ri', role: 'cast', character: 'Oh Ae-sun' },
      { person: 'Park Hae-joon', role: 'cast', character: 'Yang Gwan-sik' },
    ],
  },
  {
    name: 'Hospital Playlist', original_name: '슬기로운 의사생활', kind: 'series', year: 2020, country: 'KR', episodes: 12,
    synopsis: 'Five doctors who have been friends since medical school work at the same hospital and play together in an amateur band. Everyday life on the wards, told with warmth and humour.',
    credits: [
      { person: 'Shin Won-ho', role: 'director' },
      { person: 'Lee Woo-jung', role: 'writer' },
      { person: 'Jo Jung-suk', role: 'cast', character: 'Lee Ik-jun' },
      { person: 'Yoo Yeon-seok', role: 'cast', character: 'Ahn Jeong-won' },
      { person: 'Jung Kyung-ho', role: 'cast', character: 'Kim Jun-wan' },
      { person: 'Kim Dae-myung', role: 'cast', character: 'Yang Seok-hyeong' },
      { person: 'Jeon Mi-do', role: 'cast', character: 'Chae Song-hwa' },
    ],
  },
  {
    name: 'Twenty-Five Twenty-One', original_name: '스물다섯 스물하나', aliases: ['2521'], kind: 'series', year: 2022, country: 'KR', episodes: 16,
    synopsis: 'In 1998, as the financial crisis upends families across Korea, a teenage fencer who refuses to give up and a young man whose family has lost everything find their way into each other\'s lives.',
    credits: [
      { person: 'Jung Ji-hyun', role: 'director' },
      { person: 'Kwon Do-eun', role: 'writer' },
      { person: 'Kim Tae-ri', role: 'cast', character: 'Na Hee-do' },
      { person: 'Nam Joo-hyuk', role: 'cast', character: 'Baek Yi-jin' },
      { person: 'Bona', role: 'cast', character: 'Go Yu-rim' },
      { person: 'Choi Hyun-wook', role: 'cast', character: 'Moon Ji-woong' },
      { person: 'Lee Joo-myung', role: 'cast', character: 'Ji Seung-wan' },
    ],
  },
  {
    name: 'Drive My Car', original_name: 'ドライブ・マイ・カー', kind: 'film', year: 2021, country: 'JP',
    synopsis: 'Two years after a loss, stage actor and director Yusuke Kafuku travels to Hiroshima to stage a multilingual production of Uncle Vanya. He is assigned a reserved young driver, and the long drives become a space for things neither of them has said.',
    credits: [
      { person: 'Ryusuke Hamaguchi', role: 'director' },
      { person: 'Ryusuke Hamaguchi', role: 'writer' },
      { person: 'Takamasa Oe', role: 'writer' },
      { person: 'Hidetoshi Nishijima', role: 'cast', character: 'Yusuke Kafuku' },
      { person: 'Toko Miura', role: 'cast', character: 'Misaki Watari' },
      { person: 'Reika Kirishima', role: 'cast', character: 'Oto Kafuku' },
      { person: 'Masaki Okada', role: 'cast', character: 'Koji Takatsuki' },
    ],
  },
  {
    name: 'Normal People', kind: 'series', year: 2020, country: 'IE', episodes: 12,
    synopsis: 'Connell and Marianne, from opposite ends of the social ladder at school in a small Irish town, begin a secret relationship. Through university in Dublin and beyond, they keep drifting apart and finding their way back.',
    credits: [
      { person: 'Lenny Abrahamson', role: 'director' },
      { person: 'Hettie Macdonald', role: 'director' },
      { person: 'Sally Rooney', role: 'writer' },
      { person: 'Alice Birch', role: 'writer' },
      { person: "Mark O'Rowe", role: 'writer' },
      { person: 'Daisy Edgar-Jones', role: 'cast', character: 'Marianne Sheridan' },
      { person: 'Paul Mescal', role: 'cast', character: 'Connell Waldron' },
    ],
  },
];

export const DEMO_USERS: DemoUser[] = [
  { handle: 'mina_reads', display_name: 'Mina' },
  { handle: 'slowburn_sam', display_name: 'Sam (slow burns only)' },
  { handle: 'jiho_watches', display_name: 'Jiho' },
  { handle: 'popcorn_pete', display_name: 'Pete' },
  { handle: 'ratedbyrin', display_name: 'Rin' },
  { handle: 'lena_kdrama', display_name: 'Lena' },
  { handle: 'oldfilmguy', display_name: 'Old Film Guy' },
  { handle: 'tofu_and_tea', display_name: 'Tofu & Tea' },
  { handle: 'night_owl_ava', display_name: 'Ava' },
];

export const DEMO_REVIEWS: DemoReview[] = [
  // ---------------------------------------------------------------- Love in the Big City (series)
  {
    title: 'Love in the Big City', author: 'mina_reads',
    headline: 'Four directors, one messy heart, and it works',
    body: `I went in worried that splitting eight episodes between four directors would make the show feel like an anthology stitched together after the fact. It doesn't. Each pair of episodes has its own texture, the college chapter loud and giddy, the later ones slower and quieter, but Go Young stays recognisably the same person, and Nam Yoon-su carries that continuity almost by himself.

The chapter with his mother is the part I keep thinking about. Oh Hyun-kyung plays her denial without turning her into a villain, and the scenes around her illness land because neither of them ever says the thing they both need to hear.

Spoiler territory: the relationship with Gyu-ho, which the show spends the most time building, does not get the ending you are hoping for, and Young is honestly the one who wears it down. I appreciated that the writing lets him be petty and careless and still worth caring about. The final chapter abroad felt like a deep breath after that.

Half a point off because that last chapter is looser than the rest, but this is the most alive Korean series I have seen in a while.`,
    rating: 9.5, scores: { story: 9, acting: 10, music: 8, rewatch: 9 },
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: true, days_ago: 12,
  },
  {
    title: 'Love in the Big City', author: 'jiho_watches',
    headline: 'Finally a Korean drama that lets its gay lead be a whole person',
    body: `I read Park Sang-young's book a few years ago, so I was nervous, but having him write the scripts himself shows. The dialogue keeps the book's dry humour, the jokes about drinking and disastrous dates, and it also fills in people who were only sketches on the page.

Lee Soo-kyung as Mi-ae is a gift. The friendship between her and Young is the warmest thing in the first chapter: two people who refuse to behave, and who take care of each other in small, unglamorous ways.

It is not a perfect show. The tone jumps between chapters, and if you want one love story from start to finish this is not that. But it is honest about what being young and looking for love in Seoul can feel like, and I have not seen that on Korean TV before. Worth watching even if you already know the book.`,
    rating: 8.5,
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: false, days_ago: 30,
  },
  {
    title: 'Love in the Big City', author: 'popcorn_pete',
    headline: 'ok so far',
    body: `Watched the first three episodes. It's fine. The main guy is good and the roommate is really funny, she steals every scene she's in. Some parts are slow and there are a lot of flashbacks so I got a bit lost about when things were happening.

Will probably finish it at some point because it's only eight episodes. Not sure what all the hype is about yet but the club scenes were fun. Six for now, might change it later.`,
    rating: 6,
    watch_status: 'watching', episodes_seen: 3, contains_spoilers: false, days_ago: 5,
  },
  {
    title: 'Love in the Big City', author: 'ratedbyrin',
    headline: 'Strong lead, uneven hands',
    body: `The four-director setup is the show's selling point and also its biggest weakness. The first pair of episodes is energetic and funny; Hur Jin-ho's chapter with the mother changes register completely; by the end it feels closer to an art-house film than a drama. Some viewers will enjoy the variety. I kept feeling the seams.

What holds it together is Nam Yoon-su, who never asks for sympathy and gets it anyway, and a script that trusts the audience with uncomfortable moments. The mother storyline in particular is written with real care.

I would have liked a firmer hand on pacing, especially in the final chapter, which drifts. Seven feels right: admirable, occasionally great, not quite whole.`,
    rating: 7, scores: { story: 6.5, acting: 8.5, rewatch: 5 },
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: false, days_ago: 44,
  },

  // ---------------------------------------------------------------- Where Your Eyes Linger
  {
    title: 'Where Your Eyes Linger', author: 'slowburn_sam',
    headline: 'Ten-minute episodes, a whole lifetime of longing',
    body: `It is remarkable how much this show does with so little. Each episode is barely longer than a coffee break, yet by the end I felt I had known Tae-joo and Gook for years, which is the point, since they have known each other for fifteen.

Jang Eui-soo does most of his acting with his eyes. Gook is a bodyguard who is not allowed to want anything, and you can see him measuring every step and every touch against a line he thinks he cannot cross. Han Gi-chan plays Tae-joo as bratty and spoiled on the surface and badly lonely underneath, and the two performances fit together beautifully.

Hwang Da-seul keeps things intimate: small rooms, close shots, very little noise. Tae-joo's father hovering over everything gives the romance real stakes without tipping into melodrama.

If I have a complaint it is that I wanted two more episodes. That is a good problem to have.`,
    rating: 9, scores: { story: 8.5, acting: 9.5, music: 8, rewatch: 10 },
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: false, days_ago: 200,
  },
  {
    title: 'Where Your Eyes Linger', author: 'lena_kdrama',
    headline: 'A small, important first',
    body: `I came to this late, years after it aired, mainly because people kept calling it the drama that opened the door for Korean BL. Watching it now, it holds up better than I expected for something made on such a small scale.

The friends-to-something-more story is familiar, but the class difference gives it an edge. Tae-joo can be careless because he has never had to be careful; Gook has had to be careful his whole life. Their arguments are really about that, and the show knows it.

The production is modest and a couple of side characters are thin, but the leads are so committed that it rarely matters. You can finish it in one evening, and I would recommend doing exactly that.`,
    rating: 8,
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: false, days_ago: 150,
  },
  {
    title: 'Where Your Eyes Linger', author: 'ratedbyrin',
    headline: 'Pretty, but too slight to land',
    body: `I understand why this has a devoted following, and I do not want to take anything away from the two leads, who are both good. My problem is structural: at roughly ten minutes an episode, almost every scene is either a setup or a payoff, and there is no room for anything in between.

Emotional turns that should take time, a jealous outburst or a reconciliation, happen inside a single scene. The girl who comes between them exists mostly to push the plot forward, and the father is more of a threat than a character.

It is watchable, sometimes lovely to look at, and short enough that there is little risk in trying it. I just came away feeling I had seen the outline of a better show.`,
    rating: 5.5,
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: false, days_ago: 90,
  },
  {
    title: 'Where Your Eyes Linger', author: 'tofu_and_tea',
    headline: "The ear thing. That's the review.",
    body: `Anyone who has seen this knows what I mean: the tiny recurring gesture between the two leads that says more than any confession scene could. That is the kind of show this is, built out of small physical details rather than big speeches.

I also liked that Hye-mi is not written as a villain. She is odd and direct and a bit funny, and she ends up forcing both boys to admit what they have been avoiding, almost by accident.

It is short, so go in expecting a short story rather than a novel. I rewatched the whole thing the following weekend, which I almost never do.`,
    rating: 8.5,
    watch_status: 'completed', episodes_seen: 8, contains_spoilers: false, days_ago: 61,
  },

  // ---------------------------------------------------------------- Parasite
  {
    title: 'Parasite', author: 'oldfilmguy',
    headline: 'A staircase movie, from top to bottom',
    body: `Bong Joon-ho has always loved vertical space, but here it becomes the whole argument. The Parks live up a hill, the Kims live half underground, and the camera keeps reminding you which way is up. Every staircase in the film means something.

Spoilers from here. The rainy night the former housekeeper rings the doorbell is where the film pivots from con comedy into something much darker, and the discovery of what has been hidden beneath the house reframes everything before it. It is not just a twist; it shows the Kims that there is always someone lower down, and they react exactly as the Parks would.

The flood sequence that follows, the family wading home through a drowning city while water pours down the steps, is some of the best visual storytelling of this century.

Song Kang-ho's final act is devastating precisely because it is so small: a look, a smell, a line crossed. Ten, without hesitation.`,
    rating: 10, scores: { story: 10, acting: 10, music: 9, rewatch: 9.5 },
    watch_status: 'completed', contains_spoilers: true, days_ago: 400,
  },
  {
    title: 'Parasite', author: 'popcorn_pete',
    headline: 'Believe the hype',
    body: `Everyone told me to watch this and they were right. It starts off funny with the family scamming their way into the rich people's house and then it gets really intense. I did not see where it was going at all.

The house is amazing and the acting is great. I liked the dad the most. The ending messed me up a bit honestly.

Only reason it's not a ten is it felt a bit long in the middle but that's just me. Go watch it if you haven't, and don't read anything about it first.`,
    rating: 9,
    watch_status: 'completed', contains_spoilers: false, days_ago: 380,
  },
  {
    title: 'Parasite', author: 'night_owl_ava',
    headline: 'Funny for an hour, then it turns the knife',
    body: `What surprised me most on a rewatch is how funny the first half is. The scheme the Kims run to get hired one by one is plotted like a heist film, and the cast play it with perfect timing, especially Park So-dam, whose invented art therapist is a small comic masterpiece.

That humour is what makes the second half hurt. You have been laughing along with these people, enjoying their cleverness, and then the film asks what that cleverness actually gets them in a system that was never built for them to win.

Cho Yeo-jeong deserves more credit too. Her wealthy wife is naive and easily charmed but never a caricature, which makes the class divide feel less like a cartoon and more like a real wall.

Half a point off only because I think the very last scene spells out its irony a little too neatly. Everything else is close to perfect.`,
    rating: 9.5, scores: { story: 9.5, acting: 10, rewatch: 9 },
    watch_status: 'completed', contains_spoilers: false, days_ago: 120,
  },

  // ---------------------------------------------------------------- Reply 1988
  {
    title: 'Reply 1988', author: 'lena_kdrama',
    headline: "The drama I recommend to people who say they don't like dramas",
    body: `Reply 1988 is twenty long episodes about five families in one alley, and very little of it is about plot. It is about side dishes passed between houses, kids growing up, parents getting older, and the way a neighbourhood slowly becomes a family.

Hyeri was a surprise to me. Deok-sun is loud, a bit of a mess, and overlooked as the middle child, and the early episode about her birthday is one of the most quietly painful things in the whole series. The parents are the real heart, though; some of the best scenes belong to them.

Yes, there is a romantic mystery running through it, and people argue about it to this day. I honestly think it is the least important thing here.

Keep tissues nearby for the final episodes. I cried at scenes where nothing dramatic happens at all, which tells you everything.`,
    rating: 10, scores: { story: 9.5, acting: 10, music: 10, rewatch: 10 },
    watch_status: 'completed', episodes_seen: 20, contains_spoilers: false, days_ago: 300,
  },
  {
    title: 'Reply 1988', author: 'ratedbyrin',
    headline: 'Wonderful neighbourhood, frustrating final stretch',
    body: `For most of its length this is a generous, warm, beautifully acted show, and I want to say that clearly before I complain.

Spoilers. The husband mystery is where it loses me. For many episodes the writing builds one boy's feelings with patience and detail, then in the final stretch it pivots toward the other and asks us to accept that the groundwork was there all along. Some of it was. A lot of it felt reverse-engineered to keep the guessing game alive.

It also hurts the character it should serve. Deok-sun's own choice ends up feeling less like a decision she makes and more like a reveal the show makes about her.

The families, the parents, the friendship between the boys: all excellent. I would rate it eight or nine without the romance framing. As a whole, six and a half.`,
    rating: 6.5, scores: { story: 5, acting: 9, music: 8.5 },
    watch_status: 'completed', episodes_seen: 20, contains_spoilers: true, days_ago: 250,
  },
  {
    title: 'Reply 1988', author: 'tofu_and_tea',
    headline: 'Halfway through and already attached to everyone',
    body: `I'm on episode twelve and I finally understand why my friends kept bringing this up. The episodes are long, many run well past an hour, and at first that felt like a lot, but the pace is the point. You live in the alley with them.

My favourite thread so far is Taek, the quiet baduk prodigy who can barely look after himself away from the board, and the way everyone in the neighbourhood quietly looks after him instead. Park Bo-gum plays him with such a light touch.

I'll update once I finish. Trying very hard to avoid spoilers about the husband question, so please nobody tell me.`,
    rating: 8,
    watch_status: 'watching', episodes_seen: 12, contains_spoilers: false, days_ago: 8,
  },
  {
    title: 'Reply 1988', author: 'jiho_watches',
    headline: 'Watched it with my parents, and that changed everything',
    body: `I grew up on my parents' stories about neighbourhoods like the one in this show, so I watched it with them on weekends. Half the fun was them pausing to point at a television set, a snack or a song and saying "we had that".

The show gets the period details right, but the details are not why it works. It works because it takes small things seriously: a father who does not know how to apologise, a mother embarrassed by a gift, friends who show up without being asked.

The romance is fine. The boys' sleepovers and pointless arguments are better. Half a point off because a few episodes in the middle drag, but this is the one I come back to when I need something kind.`,
    rating: 9.5,
    watch_status: 'completed', episodes_seen: 20, contains_spoilers: false, days_ago: 500,
  },

  // ---------------------------------------------------------------- My Mister
  {
    title: 'My Mister', author: 'slowburn_sam',
    headline: 'A show about being seen',
    body: `My Mister is slow and grey and often very sad, and it is one of the kindest things I have ever watched. Lee Sun-kyun plays Dong-hoon as a man who has spent years being decent to everyone except himself, and IU plays Ji-an as someone who has survived by expecting nothing from anyone.

What moves me is that the bond between them is not a romance. It is two exhausted people recognising each other. He notices her; she listens in on him; both are changed by discovering that somebody else is also carrying something too heavy.

The supporting cast, especially the brothers, keep it from becoming unbearable. Their drinking nights in the neighbourhood are funny and sloppy and full of love.

Park Hae-young's writing trusts silence, and so does Kim Won-seok's direction. Give it three or four episodes before deciding; the slowness becomes the reward.`,
    rating: 10, scores: { story: 10, acting: 10, music: 9.5, rewatch: 8 },
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 340,
  },
  {
    title: 'My Mister', author: 'night_owl_ava',
    headline: "Couldn't get past the first stretch",
    body: `I know this is beloved and I went in wanting to love it. After three episodes I had to stop. The palette is so dark and the mood so heavy that watching felt like a chore, and the early episodes lean hard on the cruelty Ji-an lives with, which I found difficult to sit through.

I also struggled with the setup. A young woman in desperate circumstances and a much older man at her workplace made me uneasy, even though people assure me the show handles it with care later on.

The acting is clearly excellent and I can see the craft. It just was not the right show for me, or not the right time. I am leaving a low score as an honest record of where I stopped, not a verdict on the whole thing.`,
    rating: 4,
    watch_status: 'dropped', episodes_seen: 3, contains_spoilers: false, days_ago: 70,
  },
  {
    title: 'My Mister', author: 'mina_reads',
    headline: 'The quietest drama I have ever cried over',
    body: `There is a particular kind of Korean drama that feels like sitting with a friend at a bus stop late at night, not saying much. My Mister is the purest example I know.

Lee Sun-kyun's performance is built on restraint. Dong-hoon is a structural engineer who spends his days thinking about how much weight things can bear, and the show is not subtle about the metaphor, but it earns it. IU matches him beat for beat; her Ji-an is hard and hungry and very young.

My one real reservation is the office-politics plot, which sometimes feels like it belongs to a more ordinary show. Whenever the story moves back to the neighbourhood and its people, it becomes something special again.`,
    rating: 9,
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 220,
  },

  // ---------------------------------------------------------------- Squid Game
  {
    title: 'Squid Game', author: 'popcorn_pete',
    headline: 'binged it in one go',
    body: `Couldn't stop watching. The games are simple kids' games but the stakes make everything super tense. The first game with the giant doll was crazy, I did not expect it to go that far that fast.

Some characters are annoying and a couple of the twists are predictable, but the main guy is likeable even when he makes terrible choices. The marbles episode got me, not going to lie.

Good show, would watch another season. Eight.`,
    rating: 8,
    watch_status: 'completed', episodes_seen: 9, contains_spoilers: false, days_ago: 600,
  },
  {
    title: 'Squid Game', author: 'oldfilmguy',
    headline: 'A sharp premise that blinks at the end',
    body: `Hwang Dong-hyuk's premise is brutally clear: people so crushed by debt that a children's game with lethal rules looks like a reasonable option. The first two episodes, including the moment the players are allowed to vote on whether to leave, are the strongest thing in the season, because they make the horror economic before it becomes physical.

Spoilers. The reveal that the frail old man, the one Gi-hun felt so guilty about, was behind the games all along works as a shock, but it flattens the critique. Turning the system into one bored rich man's hobby gives the audience a villain to hate instead of a structure to think about.

The marbles episode is still the best single hour, and Lee Jung-jae is excellent as a man who keeps choosing kindness when it costs him. For a show this hyped, though, I wanted a braver ending.`,
    rating: 7, scores: { story: 6.5, acting: 8.5, music: 7, rewatch: 5 },
    watch_status: 'completed', episodes_seen: 9, contains_spoilers: true, days_ago: 580,
  },
  {
    title: 'Squid Game', author: 'lena_kdrama',
    headline: 'Not for me',
    body: `I stopped after the second episode. I understand it is a social satire and that the violence is there to make a point, but the first game is so graphic that I spent the rest of the episode feeling sick rather than thinking about anything.

The second episode, back in the outside world, was more interesting to me, and I liked seeing how desperate each character's life was. Still, knowing the rest of the season would bring more of the same, I decided to stop there.

Three points for the production design, which is striking, and for Lee Jung-jae. Everyone I know loves this show, so take my score as a warning for squeamish viewers rather than a judgement on its quality.`,
    rating: 3,
    watch_status: 'dropped', episodes_seen: 2, contains_spoilers: false, days_ago: 560,
  },
  {
    title: 'Squid Game', author: 'ratedbyrin',
    headline: 'Great hook, thin middle',
    body: `The hook is superb and the design is iconic: the pastel staircases, the tracksuits, the masked guards. It is easy to see why it became a global phenomenon.

But the middle episodes spend a long time on the undercover detective, a subplot that mostly exists to show us the machinery of the place and goes nowhere satisfying within this season. Several of the players are drawn with a single trait, and the two most sympathetically written outsiders are also the ones the plot treats most cruelly.

Six. Worth watching once, less rewarding to think about afterwards than its reputation suggests.`,
    rating: 6,
    watch_status: 'completed', episodes_seen: 9, contains_spoilers: false, days_ago: 590,
  },

  // ---------------------------------------------------------------- Memories of Murder
  {
    title: 'Memories of Murder', author: 'oldfilmguy',
    headline: 'The best police film that never catches anyone',
    body: `Memories of Murder is set in a farming town in 1986, under military rule, and it is as much about that era as about the killings. The police are not villains, exactly; they are untrained, under pressure, and working inside a system where beating a confession out of someone is ordinary procedure.

Song Kang-ho's local detective trusts his gut and his eyes; Kim Sang-kyung's Seoul transfer trusts paperwork. Watching each man slowly turn into the other is the real arc of the film.

Bong's control of tone is already astonishing here. Scenes flip from slapstick to dread in the space of a cut, and the rain never seems to let up.

Then there is the final shot, which I will not describe except to say that it looks straight at you and does not let go. Two decades on, it still holds.`,
    rating: 9.5, scores: { story: 9.5, acting: 9.5, music: 8.5, rewatch: 9 },
    watch_status: 'completed', contains_spoilers: false, days_ago: 700,
  },
  {
    title: 'Memories of Murder', author: 'jiho_watches',
    headline: 'Knowing the real case makes it even harder to watch',
    body: `This film is based on the Hwaseong serial murders, which went unsolved for decades, and for many Korean viewers that was the whole weight of it: a story with no ending. When a suspect was finally identified in 2019 I rewatched it, and the film changed for me again.

It now plays less like a mystery and more like a record of failure. Evidence is trampled, the wrong men get hurt, the town gets used to fear. Park Hae-il's suspect is one of the most unsettling performances I know, because the film refuses to tell you what to think of him.

Some of the humour has not aged perfectly. But it is a landmark, and it earned its place.`,
    rating: 9,
    watch_status: 'completed', contains_spoilers: false, days_ago: 410,
  },
  {
    title: 'Memories of Murder', author: 'tofu_and_tea',
    headline: 'Impressive, though I wanted more closure (I know, I know)',
    body: `I watched this after Parasite because I wanted more Bong Joon-ho, and it is a very different film. Much rougher, more rural, and the police are frightening in how casually they hurt people.

Song Kang-ho is great, as always. I liked how the two detectives start at opposite ends and slowly cross over.

I know the missing resolution is the point, since it is based on a real case, but as a viewer I still felt a little empty at the end. Maybe that is exactly what it wanted. Solid film, just not one I will rewatch often.`,
    rating: 7.5,
    watch_status: 'completed', contains_spoilers: false, days_ago: 33,
  },

  // ---------------------------------------------------------------- Past Lives
  {
    title: 'Past Lives', author: 'mina_reads',
    headline: 'A film about the person you might have been',
    body: `Past Lives is so quiet that it almost dares you to look away, and I could not. Celine Song tells the story across three time frames, two children in Seoul, two young adults on video calls, two grown people in New York, and each jump lands like a small shock: look how much time has passed, look what it has done.

Greta Lee is extraordinary as Nora, a woman who has built a life she loves in a language that was not her first. Teo Yoo plays Hae Sung with a kind of helpless sincerity, and John Magaro, as her husband, has the hardest and most generous role of the three.

The film's idea of in-yun, a connection carried across lifetimes, could have been twee. Instead it becomes a way of grieving gracefully for the lives we did not get to live.

The last walk down the street is one of the best endings I have seen in years.`,
    rating: 10, scores: { story: 9.5, acting: 10, music: 9, rewatch: 8.5 },
    watch_status: 'completed', contains_spoilers: false, days_ago: 180,
  },
  {
    title: 'Past Lives', author: 'popcorn_pete',
    headline: 'Too slow for me',
    body: `Everyone said this was amazing but honestly I found it slow. Basically two people who knew each other as kids meet again as adults and talk a lot. Not much actually happens.

The acting is good and it looks really nice, the New York parts especially. The husband was my favourite character to be honest. But I kept checking how much time was left.

If you like quiet movies you will probably like it more than me. Five.`,
    rating: 5,
    watch_status: 'completed', contains_spoilers: false, days_ago: 170,
  },
  {
    title: 'Past Lives', author: 'night_owl_ava',
    headline: 'Bilingual heartache, beautifully underplayed',
    body: `As someone who moved countries as a kid, this hit a little too close. The film notices how switching languages changes the way a person carries herself, something I have rarely seen on screen, and Greta Lee plays it without a single false note.

The bar scene where all three sit together, with one of them understanding only half of what is being said, is the core of the movie for me. No one is the bad guy. Everyone is being as kind as they can, and it still hurts.

I wanted a little more of Nora's inner life in the middle section, which moves quickly. But restraint is the film's strength, and the final minutes wrecked me.`,
    rating: 8.5,
    watch_status: 'completed', contains_spoilers: false, days_ago: 160,
  },

  // ---------------------------------------------------------------- Decision to Leave
  {
    title: 'Decision to Leave', author: 'oldfilmguy',
    headline: "Park Chan-wook's most tender film is still a trap",
    body: `Decision to Leave looks like a detective story: a sleepless, meticulous inspector, a death on a mountain, a widow who does not seem sad enough. It is really a romance told through surveillance, where watching someone is the only way these two can be close.

Tang Wei is superb. Seo-rae speaks Korean carefully and sometimes through a translation app, and the film turns that gap into both comedy and suspicion. Park Hae-il's Hae-jun is a man whose decency is his whole identity, which makes the question of what he will give up for her genuinely tense.

Spoilers. The second half moves to a foggy coastal town and turns the first case inside out, and the final sequence by the sea is among the most devastating endings Park has made. She chooses to become a mystery he can never solve, and the film leaves him searching the shore as the tide comes in.

The editing is dizzying at times and rewards a second viewing. Nine.`,
    rating: 9, scores: { story: 9, acting: 9.5, music: 9, rewatch: 9 },
    watch_status: 'completed', contains_spoilers: true, days_ago: 260,
  },
  {
    title: 'Decision to Leave', author: 'slowburn_sam',
    headline: 'A mood you want to live in',
    body: `I will be honest: I did not follow every turn of the investigation on first watch, and I am not sure it matters. What stayed with me was the mood, colours that slide between blue and green, the fog, the little rituals of a man who cannot sleep and a woman he cannot stop watching.

It is a romance with almost no touching, and it is more romantic than most films that have plenty. The dialogue keeps circling back to phrases that mean one thing early and something else later, and those echoes are what I remembered most.

Eight rather than higher because the middle lost me for a while. I expect a rewatch will fix that.`,
    rating: 8,
    watch_status: 'completed', contains_spoilers: false, days_ago: 240,
  },
  {
    title: 'Decision to Leave', author: 'tofu_and_tea',
    headline: 'Gorgeous, but I felt shut out',
    body: `Every frame of this film is beautiful and I admire how carefully it is made. But I spent most of the runtime confused about what was happening in the case and why the characters made the choices they made.

The romance is supposed to be the heart of it and I never felt it. Everything is so restrained and clever that I could not connect with either of them, and some of the transitions are so playful that I lost track of where and when we were.

Maybe I needed to be in a different mood. I would not tell anyone to skip it, since plenty of people clearly love it, but it was a frustrating evening for me.`,
    rating: 5,
    watch_status: 'completed', contains_spoilers: false, days_ago: 100,
  },

  // ---------------------------------------------------------------- When Life Gives You Tangerines
  {
    title: 'When Life Gives You Tangerines', author: 'lena_kdrama',
    headline: 'A whole life in sixteen episodes',
    body: `When Life Gives You Tangerines follows Ae-sun from a stubborn girl on Jeju who wants to be a poet through decades of marriage, children, loss and simply getting by. It is an enormous amount of story, yet it never feels rushed, because Lim Sang-choon writes in seasons rather than plot points.

IU is very good as young Ae-sun, sharp and proud and funny, and then as her daughter, a clever bit of casting that makes the echoes between generations hit harder. Park Bo-gum's Gwan-sik is devoted almost to the point of being unreal, but Moon So-ri and Park Hae-joon, as the older couple, ground him completely.

It is sentimental, openly so. Some nights I had to stop after one episode because I was crying too much to continue. I would not change it. Half a point off only because the middle leans a little too hard on misfortune.`,
    rating: 9.5, scores: { story: 9, acting: 10, music: 9, rewatch: 8 },
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 20,
  },
  {
    title: 'When Life Gives You Tangerines', author: 'jiho_watches',
    headline: 'Halfway, and my mother keeps asking to watch ahead',
    body: `Eight episodes in. The Jeju setting and dialect are wonderful; my mother, who has family on the island, laughed at jokes I did not even catch until she explained them.

The first half is basically a young couple against the world, and it is sweet and often very funny. It also does not hide how hard life was for women of Ae-sun's generation, and some of those scenes are difficult to watch.

I am holding back a final score until I finish, but right now it sits around an eight. Park Bo-gum is quietly the best part.`,
    rating: 8,
    watch_status: 'watching', episodes_seen: 8, contains_spoilers: false, days_ago: 3,
  },
  {
    title: 'When Life Gives You Tangerines', author: 'slowburn_sam',
    headline: 'I have run out of tissues',
    body: `I do not usually write reviews right after finishing something, but I need to put this somewhere. This is a drama about ordinary people who love each other stubbornly for a whole lifetime, and it made me call my parents.

Gwan-sik might be the most quietly devoted husband I have seen in a drama. He is not flashy, he does not make speeches, he just keeps showing up, year after year, and the show lets that be heroic.

The structure is lovely too. Each part covers a different stretch of their lives, and small objects and lines come back decades later with completely new meaning.

Gwan-sik might be the most quietly devoted husband I have seen in a drama. He is not flashy, he does not make speeches, he just keeps showing up, year after year, and the show lets that be heroic.

Ten out of ten. Watch it with someone you love.`,
    rating: 10,
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 25,
  },
  {
    title: 'When Life Gives You Tangerines', author: 'ratedbyrin',
    headline: 'Beautifully made, emotionally relentless',
    body: `There is no denying the craft. The period detail across several decades is meticulous, the Jeju landscapes are used with real feeling, and the cast is uniformly strong. Moon So-ri in particular does a great deal with very little dialogue.

My reservations are about manipulation. The show knows exactly which buttons it is pressing and presses them in nearly every episode: a hardship arrives, everyone endures it nobly, a flashback underlines the meaning, the music swells. By the last quarter I felt worn down rather than moved.

And Gwan-sik is so flawless that he stops being a person. A husband with one real failing would have made the marriage more believable.

Still, it is far better than most family melodramas, and I understand why people love it.`,
    rating: 7.5, scores: { story: 7, acting: 9, music: 7.5, rewatch: 5 },
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 15,
  },

  // ---------------------------------------------------------------- Hospital Playlist
  {
    title: 'Hospital Playlist', author: 'tofu_and_tea',
    headline: 'Comfort food with scrubs on',
    body: `This is my go-to comfort show. Five doctors who have been friends since medical school, now working at the same hospital and playing in a very amateur band on the side. That is more or less the whole premise, and it is enough.

The medical cases are the emotional engine. Patients and families come and go, some stories end happily and some do not, and the show treats each one with care without turning it into a disaster of the week.

The friendship is what keeps me coming back: the teasing over lunch, the way they turn up for each other without being asked. Jo Jung-suk is ridiculous and lovable as Ik-jun. The band scenes are charming even though nobody is a great musician, which is half the point.

Nine, and probably a rewatch this winter.`,
    rating: 9, scores: { story: 8, acting: 9, music: 9.5, rewatch: 10 },
    watch_status: 'completed', episodes_seen: 12, contains_spoilers: false, days_ago: 330,
  },
  {
    title: 'Hospital Playlist', author: 'night_owl_ava',
    headline: 'Pleasant, but I drifted away',
    body: `I can see why people find this cosy, and for the first couple of episodes I did too. The friends are likeable and the hospital cases are sometimes genuinely moving.

But the episodes are long and very loosely structured, and after four of them I realised I felt no pull to continue. There is little real conflict between the leads, so the show rests almost entirely on whether you enjoy spending time with them. I liked them fine. Not enough for eight more long episodes.

Might go back someday on a slow weekend. Six for what I saw.`,
    rating: 6,
    watch_status: 'dropped', episodes_seen: 4, contains_spoilers: false, days_ago: 310,
  },
  {
    title: 'Hospital Playlist', author: 'popcorn_pete',
    headline: 'Chill show, good vibes',
    body: `Really nice show to put on after work. The five friends are funny together and the band songs are catchy. Ik-jun is hilarious, every scene with him is a good one.

Some of the patient stories made me cry, which I did not expect from a show this relaxed. The kids' cases especially.

Not much happens plot-wise, it is more about the characters hanging out. If you want something easy and warm, this is it.`,
    rating: 8.5,
    watch_status: 'completed', episodes_seen: 12, contains_spoilers: false, days_ago: 290,
  },

  // ---------------------------------------------------------------- Twenty-Five Twenty-One
  {
    title: 'Twenty-Five Twenty-One', author: 'night_owl_ava',
    headline: 'Glorious youth, divisive ending',
    body: `For most of its run this is a wonderful coming-of-age story: Hee-do's fencing ambitions, her friendship-rivalry with Yu-rim, and a young reporter trying to stay decent in a job that often rewards the opposite. Kim Tae-ri is a live wire. I believed she was eighteen, and I believed she was a fencer.

Spoilers. The present-day framing, with Hee-do's daughter reading her old diaries, quietly signals early on that the life we are watching is not the one she ended up with. The show knows that and still builds the central couple as if they might beat the odds. When the final episodes pull them apart, it is truthful to how first loves often end, but the last stretch rushes it in a way that felt more like an obligation than a choice.

I loved most of it. I am still a little annoyed about the last two episodes. Seven.`,
    rating: 7, scores: { story: 6, acting: 9.5, music: 8.5 },
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: true, days_ago: 210,
  },
  {
    title: 'Twenty-Five Twenty-One', author: 'lena_kdrama',
    headline: 'Set during the IMF crisis, and it matters',
    body: `I was a teenager in 1998, and this show understands how that year felt: families losing everything overnight, dreams cancelled, everyone acting cheerful because there was nothing else to do. Baek Yi-jin's family falling apart is the clearest way in, and Nam Joo-hyuk plays his shame very well.

Against that, Hee-do's refusal to give up on fencing is both childish and heroic, and Kim Tae-ri makes you root for every ridiculous thing she does.

The group of five friends, including Bona as Yu-rim and Choi Hyun-wook as the goofy Ji-woong, is so charming that I wanted a whole season of them just hanging around.

The ending will split people. I made peace with it. Eight and a half.`,
    rating: 8.5,
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 230,
  },
  {
    title: 'Twenty-Five Twenty-One', author: 'mina_reads',
    headline: 'Charming cast, but I felt managed',
    body: `I liked a lot of this. The fencing scenes are energetic, the late-nineties detail is affectionate, and the friendship between Hee-do and Yu-rim is the most interesting relationship in the show, full of envy and admiration at once.

What bothered me was a feeling of being steered. Nearly every episode ends on a carefully engineered emotional beat, with a voiceover or a slow-motion moment telling me exactly what to feel. After a while I started resisting it.

Lee Joo-myung's Seung-wan deserved far more space than she got.

A good drama, just not the great one many people describe.`,
    rating: 6.5,
    watch_status: 'completed', episodes_seen: 16, contains_spoilers: false, days_ago: 205,
  },

  // ---------------------------------------------------------------- Drive My Car
  {
    title: 'Drive My Car', author: 'oldfilmguy',
    headline: 'Three hours that feel like a long car ride, in the best way',
    body: `Hamaguchi takes a Haruki Murakami short story and expands it into a three-hour film about grief, theatre and the odd intimacy of being driven by a stranger. It sounds like a hard sell. It is one of the most absorbing films of the decade.

Nishijima's Kafuku is staging Uncle Vanya in Hiroshima with actors who each perform in their own language, including Korean Sign Language. The rehearsals, where the cast read their lines flatly over and over, become a kind of meditation on how we learn to say what we feel.

Toko Miura as his young driver Misaki barely speaks, and her silence is as expressive as anything in the film. Their conversations in the red Saab are the backbone of the whole thing.

It is long and it is patient. Give it the time it asks for.`,
    rating: 9, scores: { story: 9, acting: 9.5, music: 8, rewatch: 7.5 },
    watch_status: 'completed', contains_spoilers: false, days_ago: 350,
  },
  {
    title: 'Drive My Car', author: 'mina_reads',
    headline: 'A film about listening',
    body: `What struck me most is how much of Drive My Car is about listening rather than speaking. Kafuku rehearses his lines to a cassette his wife recorded; the actors in his production learn to respond to languages they do not understand; Misaki listens from the driver's seat without judging.

Reika Kirishima's Oto is only in the early part of the film, but her presence hangs over everything after it, and the film is wise about how we can love someone and never fully know them.

I found the final stretch, the long drive north, a little too neat in how it resolves the two characters' guilt. But it is a beautiful, patient film and I am glad it found such a wide audience.`,
    rating: 8.5,
    watch_status: 'completed', contains_spoilers: false, days_ago: 345,
  },

  // ---------------------------------------------------------------- Normal People
  {
    title: 'Normal People', author: 'slowburn_sam',
    headline: 'Halfway through and barely breathing',
    body: `Six episodes in and I have to pause between each one. This is the most honest depiction of a young relationship I have seen on television, largely because it pays so much attention to what the two of them cannot say.

Paul Mescal and Daisy Edgar-Jones are remarkable. Connell is popular at school and painfully anxious underneath; Marianne is the outcast who turns out to be far tougher than anyone expects. The move from their small town to university in Dublin flips their social positions, which is such a smart way to test them.

The intimate scenes are handled with real care, which is rare. Score may move when I finish.`,
    rating: 8.5,
    watch_status: 'watching', episodes_seen: 6, contains_spoilers: false, days_ago: 10,
  },
  {
    title: 'Normal People', author: 'night_owl_ava',
    headline: 'An adaptation that understands silence',
    body: `I read Sally Rooney's novel first and wondered how anyone could film a story that lives so much inside two heads. The answer, it turns out, is patience: long takes, close framing, and two actors who can think on camera.

The series follows Connell and Marianne from their last year of school in a small Irish town through university, in and out of each other's lives. Every separation happens for reasons that are small and completely believable, which is exactly why they hurt.

Paul Mescal's work in the episodes dealing with Connell's depression, especially a scene with a counsellor, is some of the best acting I have seen in a TV series.

It is not a cheerful watch. It is a true one.`,
    rating: 9, scores: { story: 9, acting: 10, music: 8.5, rewatch: 7 },
    watch_status: 'completed', episodes_seen: 12, contains_spoilers: false, days_ago: 140,
  },
];

export const DEMO_VOTES: DemoVote[] = [
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'lena_kdrama', helpful: false },
  { review: { title: 'Love in the Big City', author: 'mina_reads' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Love in the Big City', author: 'jiho_watches' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'Love in the Big City', author: 'jiho_watches' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Love in the Big City', author: 'jiho_watches' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Love in the Big City', author: 'popcorn_pete' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'Love in the Big City', author: 'popcorn_pete' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'Love in the Big City', author: 'popcorn_pete' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'night_owl_ava', helpful: false },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Love in the Big City', author: 'ratedbyrin' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'night_owl_ava', helpful: false },
  { review: { title: 'Where Your Eyes Linger', author: 'slowburn_sam' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'lena_kdrama' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'lena_kdrama' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'lena_kdrama' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'ratedbyrin' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'ratedbyrin' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'ratedbyrin' }, voter: 'night_owl_ava', helpful: false },
  { review: { title: 'Where Your Eyes Linger', author: 'ratedbyrin' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'tofu_and_tea' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'tofu_and_tea' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'tofu_and_tea' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Where Your Eyes Linger', author: 'tofu_and_tea' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Parasite', author: 'oldfilmguy' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Parasite', author: 'popcorn_pete' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'Parasite', author: 'popcorn_pete' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Parasite', author: 'popcorn_pete' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Parasite', author: 'popcorn_pete' }, voter: 'tofu_and_tea', helpful: false },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Parasite', author: 'night_owl_ava' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Reply 1988', author: 'lena_kdrama' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Reply 1988', author: 'ratedbyrin' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Reply 1988', author: 'ratedbyrin' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Reply 1988', author: 'ratedbyrin' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Reply 1988', author: 'ratedbyrin' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Reply 1988', author: 'ratedbyrin' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Reply 1988', author: 'ratedbyrin' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Reply 1988', author: 'tofu_and_tea' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Reply 1988', author: 'tofu_and_tea' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Reply 1988', author: 'tofu_and_tea' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Reply 1988', author: 'tofu_and_tea' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Reply 1988', author: 'tofu_and_tea' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Reply 1988', author: 'jiho_watches' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'Reply 1988', author: 'jiho_watches' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Reply 1988', author: 'jiho_watches' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'Reply 1988', author: 'jiho_watches' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'My Mister', author: 'slowburn_sam' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'My Mister', author: 'night_owl_ava' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'My Mister', author: 'night_owl_ava' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'My Mister', author: 'night_owl_ava' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'My Mister', author: 'night_owl_ava' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'My Mister', author: 'night_owl_ava' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'My Mister', author: 'mina_reads' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'My Mister', author: 'mina_reads' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'My Mister', author: 'mina_reads' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Squid Game', author: 'popcorn_pete' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'Squid Game', author: 'popcorn_pete' }, voter: 'tofu_and_tea', helpful: false },
  { review: { title: 'Squid Game', author: 'popcorn_pete' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Squid Game', author: 'oldfilmguy' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Squid Game', author: 'oldfilmguy' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Squid Game', author: 'oldfilmguy' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Squid Game', author: 'oldfilmguy' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Squid Game', author: 'oldfilmguy' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Squid Game', author: 'oldfilmguy' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Squid Game', author: 'lena_kdrama' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Squid Game', author: 'lena_kdrama' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Squid Game', author: 'lena_kdrama' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Squid Game', author: 'ratedbyrin' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Squid Game', author: 'ratedbyrin' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Squid Game', author: 'ratedbyrin' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Memories of Murder', author: 'oldfilmguy' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Memories of Murder', author: 'jiho_watches' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Memories of Murder', author: 'tofu_and_tea' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Memories of Murder', author: 'tofu_and_tea' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Memories of Murder', author: 'tofu_and_tea' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Memories of Murder', author: 'tofu_and_tea' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Memories of Murder', author: 'tofu_and_tea' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'popcorn_pete', helpful: false },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Past Lives', author: 'mina_reads' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Past Lives', author: 'popcorn_pete' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Past Lives', author: 'popcorn_pete' }, voter: 'night_owl_ava', helpful: false },
  { review: { title: 'Past Lives', author: 'popcorn_pete' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'Past Lives', author: 'night_owl_ava' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Past Lives', author: 'night_owl_ava' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'Past Lives', author: 'night_owl_ava' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Past Lives', author: 'night_owl_ava' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Past Lives', author: 'night_owl_ava' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Decision to Leave', author: 'oldfilmguy' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'Decision to Leave', author: 'slowburn_sam' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Decision to Leave', author: 'slowburn_sam' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Decision to Leave', author: 'slowburn_sam' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Decision to Leave', author: 'slowburn_sam' }, voter: 'popcorn_pete', helpful: false },
  { review: { title: 'Decision to Leave', author: 'slowburn_sam' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Decision to Leave', author: 'tofu_and_tea' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Decision to Leave', author: 'tofu_and_tea' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Decision to Leave', author: 'tofu_and_tea' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'lena_kdrama' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'jiho_watches' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'jiho_watches' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'jiho_watches' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'jiho_watches' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'slowburn_sam' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'slowburn_sam' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'When Life Gives You Tangerines', author: 'slowburn_sam' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'When Life Gives You Tangerines', author: 'slowburn_sam' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'slowburn_sam' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'When Life Gives You Tangerines', author: 'ratedbyrin' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'ratedbyrin' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'When Life Gives You Tangerines', author: 'ratedbyrin' }, voter: 'night_owl_ava', helpful: false },
  { review: { title: 'When Life Gives You Tangerines', author: 'ratedbyrin' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'tofu_and_tea' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'tofu_and_tea' }, voter: 'popcorn_pete', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'tofu_and_tea' }, voter: 'slowburn_sam', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'night_owl_ava' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'night_owl_ava' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Hospital Playlist', author: 'night_owl_ava' }, voter: 'popcorn_pete', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'night_owl_ava' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Hospital Playlist', author: 'popcorn_pete' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'popcorn_pete' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'Hospital Playlist', author: 'popcorn_pete' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'Twenty-Five Twenty-One', author: 'night_owl_ava' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'night_owl_ava' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'night_owl_ava' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'night_owl_ava' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'night_owl_ava' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'night_owl_ava' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'lena_kdrama' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'lena_kdrama' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'lena_kdrama' }, voter: 'oldfilmguy', helpful: false },
  { review: { title: 'Twenty-Five Twenty-One', author: 'lena_kdrama' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'lena_kdrama' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'mina_reads' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'Twenty-Five Twenty-One', author: 'mina_reads' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'mina_reads' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Twenty-Five Twenty-One', author: 'mina_reads' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'night_owl_ava', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Drive My Car', author: 'oldfilmguy' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Drive My Car', author: 'mina_reads' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Drive My Car', author: 'mina_reads' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Drive My Car', author: 'mina_reads' }, voter: 'jiho_watches', helpful: false },
  { review: { title: 'Normal People', author: 'slowburn_sam' }, voter: 'mina_reads', helpful: false },
  { review: { title: 'Normal People', author: 'slowburn_sam' }, voter: 'ratedbyrin', helpful: false },
  { review: { title: 'Normal People', author: 'slowburn_sam' }, voter: 'lena_kdrama', helpful: true },
  { review: { title: 'Normal People', author: 'slowburn_sam' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Normal People', author: 'slowburn_sam' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'ratedbyrin', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'tofu_and_tea', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'jiho_watches', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'oldfilmguy', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'slowburn_sam', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'popcorn_pete', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'mina_reads', helpful: true },
  { review: { title: 'Normal People', author: 'night_owl_ava' }, voter: 'lena_kdrama', helpful: true },
];
