// The pages speak Chinese unless the reader switches to English; the choice is kept on the device
// (it is no secret, unlike the tokens).

const StorageKey = 'orleansbooking.language';
const Languages = ['zh', 'en'];

export function createText(dictionaries) {
  let language = Languages.includes(localStorage.getItem(StorageKey)) ? localStorage.getItem(StorageKey) : 'zh';
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';

  /** The text for key; {0}, {1}… are replaced by the arguments. An unknown key shows itself, so a gap is visible. */
  function t(key, ...args) {
    const text = dictionaries[language][key] ?? dictionaries.en[key] ?? key;
    return text.replace(/\{(\d+)\}/g, (_, index) => String(args[Number(index)] ?? ''));
  }

  return {
    t,
    get language() {
      return language;
    },
    /** A button that switches to the other language and calls onSwitch to redraw. */
    switchButton(onSwitch) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'secondary';
      const label = () => {
        button.textContent = language === 'zh' ? 'English' : '中文';
        button.lang = language === 'zh' ? 'en' : 'zh-CN';
      };
      label();
      button.addEventListener('click', () => {
        language = language === 'zh' ? 'en' : 'zh';
        localStorage.setItem(StorageKey, language);
        document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
        label();
        onSwitch();
      });
      return button;
    },
  };
}
