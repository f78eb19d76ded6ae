/**
 * Deterministic news-like pages for the page benchmark: paragraphs in an <article>, 20% of them Chinese, an inline
 * link or <b> every ~12 words, ~1% of words entity names drawn from the dataset's real aliases. Returns the HTML and
 * the text of every block (h1, then each paragraph) exactly as ChipLens's scanner will see it, so the joined page text
 * ("\n" between blocks) can be computed in Node.
 */
import { loadDataset } from '../../lib/dataset/load';
import { rng } from '../support/rng';

const EN_WORDS = (
  'the of and to in a for on that with said as by its from at is was be has have will would could it this new ' +
  'government officials company market week year report export controls rules trade policy chips semiconductor ' +
  'industry supply chain demand data center cloud servers model training inference capacity revenue quarter ' +
  'billion million analysts investors shares prices sales customers production factory plant advanced nodes ' +
  'memory bandwidth performance power efficiency software developers engineers research university lab ' +
  'national security administration department ministry beijing washington taipei seoul tokyo brussels ' +
  'according people familiar matter statement spokesperson declined comment told reporters earlier month ' +
  'license applications approval shipments orders backlog inventory restrictions sanctions tariffs review ' +
  'agreement deal partners rivals competition strategy plans expansion investment subsidy funding program ' +
  'announced launched unveiled expected forecast estimate growth decline rose fell percent since while after ' +
  'before during under over between against about more less most first last next other several many some'
).split(' ');

const ZH_WORDS = (
  '政府 官员 公司 市场 本周 今年 报告 出口 管制 规则 贸易 政策 产业 供应 需求 数据 中心 云端 服务 模型 训练 推理 ' +
  '产能 营收 季度 分析 投资 股价 销售 客户 生产 工厂 先进 制程 内存 带宽 性能 功耗 软件 开发 工程 研究 大学 ' +
  '国家 安全 部门 北京 华盛顿 台北 首尔 东京 消息 人士 表示 声明 发言 记者 此前 许可 申请 批准 出货 订单 库存 ' +
  '限制 制裁 关税 审查 协议 合作 伙伴 竞争 战略 计划 扩张 补贴 资金 项目 宣布 推出 发布 预计 预测 增长 下降 ' +
  '上涨 下跌 百分 之后 之前 期间 超过 其他 多家 一些 相关 进一步 目前 未来 全球 国内 企业 行业 技术'
).split(' ');

export interface AliasPool {
  en: string[];
  zh: string[];
}

/** Alias texts of the bundled dataset, split by script (en vs zh-Hans/zh-Hant), de-duplicated, in dataset order. */
export function aliasPool(): AliasPool {
  const en = new Set<string>();
  const zh = new Set<string>();
  for (const e of loadDataset().entities) {
    for (const a of e.aliases) (a.locale === 'en' ? en : zh).add(a.text);
  }
  return { en: [...en], zh: [...zh] };
}

export interface GeneratedPage {
  html: string;
  /** Text of each block in document order (h1, paragraphs): what the scanner collects. */
  blocks: string[];
  /** Words generated (Chinese 2-character tokens count as words). */
  words: number;
  /** Entity names planted (some won't match: case-sensitive or context-guarded aliases, by design). */
  planted: number;
  paragraphs: number;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A page of about `targetWords` words. Same seed and size -> byte-identical page. `lead` names go into the first
 * paragraph (a news lead names its subjects), so there is always something to highlight in the first viewport.
 */
export function generatePage(targetWords: number, pool: AliasPool, seed = 1, lead: string[] = []): GeneratedPage {
  const r = rng(seed ^ targetWords);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const title = `Chip export rules and the data-center market: ${targetWords.toLocaleString('en-US')}-word digest`;
  const html: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font:17px/1.55 Georgia,serif;max-width:46rem;margin:2rem auto;padding:0 1rem}a{color:#0645ad}</style>',
    '</head><body><header>',
    `<h1>${escapeHtml(title)}</h1></header><article>`,
  ];
  const blocks: string[] = [title];
  let words = 0;
  let planted = 0;
  let paragraphs = 0;
  let untilInline = 6 + Math.floor(r() * 12);
  const leadQueue = [...lead];
  while (words < targetWords) {
    const chinese = paragraphs > 0 && r() < 0.2;
    const n = Math.min(40 + Math.floor(r() * 80), Math.max(1, targetWords - words));
    const parts: string[] = [];
    let text = '';
    let sentence = 0;
    for (let i = 0; i < n; i++) {
      const leadName = paragraphs === 0 && i % 6 === 3 ? leadQueue.shift() : undefined;
      const entity = leadName !== undefined || r() < 0.01;
      let word = leadName ?? (entity ? pick(chinese ? pool.zh : pool.en) : pick(chinese ? ZH_WORDS : EN_WORDS));
      if (entity) planted++;
      if (!chinese && !entity && sentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
      // English words are separated by spaces; Chinese runs together, with a space only around Latin names.
      const sep = i === 0 ? '' : chinese ? (/[A-Za-z0-9]/.test(word[0]!) ? ' ' : '') : ' ';
      const end = i === n - 1 || (sentence > 8 && r() < 0.12);
      const punct = end ? (chinese ? '。' : '.') : chinese && r() < 0.08 ? '，' : !chinese && r() < 0.04 ? ',' : '';
      sentence = end ? 0 : sentence + 1;
      let markup = escapeHtml(word);
      if (--untilInline <= 0) {
        untilInline = 6 + Math.floor(r() * 12);
        markup = r() < 0.5 ? `<a href="#p${paragraphs}">${markup}</a>` : `<b>${markup}</b>`;
      }
      parts.push(escapeHtml(sep) + markup + punct);
      text += sep + word + punct;
      words++;
    }
    html.push(`<p>${parts.join('')}</p>`);
    blocks.push(text);
    paragraphs++;
  }
  html.push('</article></body></html>');
  return { html: html.join(''), blocks, words, planted, paragraphs };
}
